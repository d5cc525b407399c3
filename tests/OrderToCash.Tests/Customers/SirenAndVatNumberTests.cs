using OrderToCash.Core.Customers;

namespace OrderToCash.Tests.Customers;

public sealed class SirenAndVatNumberTests
{
    [Theory]
    [InlineData("404833048")]
    [InlineData("732829320")]
    [InlineData("552100554")]
    public void Accepts_a_siren_with_a_valid_checksum(string siren) => Siren.Problem(siren).Should().BeNull();

    [Theory]
    [InlineData("123456789", "checksum")]
    [InlineData("40483304", "exactly 9 digits")]
    [InlineData("40483304A", "exactly 9 digits")]
    [InlineData(null, "exactly 9 digits")]
    public void Refuses_a_wrong_siren_saying_why(string? siren, string reason) => Siren.Problem(siren).Should().Contain(reason);

    [Theory]
    [InlineData("404833048", "FR83404833048")]
    [InlineData("732829320", "FR44732829320")]
    public void Computes_the_french_vat_key_from_the_siren(string siren, string vat)
    {
        VatNumber.ForSiren(siren).Should().Be(vat);
        VatNumber.Problem(vat, siren).Should().BeNull();
    }

    [Fact]
    public void Refuses_a_vat_number_with_a_wrong_key_and_gives_the_right_one()
    {
        VatNumber.Problem("FR84404833048", "404833048").Should().Contain("wrong key").And.Contain("FR83404833048");
        VatNumber.Problem("FR83732829320", "404833048").Should().Contain("does not end with the SIREN");
    }
}
