using OrderToCash.Core.Invoicing;

namespace OrderToCash.Tests.Invoicing;

public sealed class CompanyOptionsTests
{
    [Fact]
    public void The_sample_seller_has_a_valid_siren_and_the_vat_number_that_goes_with_it()
    {
        var company = new CompanyOptions();

        Core.Customers.Siren.Problem(company.Siren).Should().BeNull();
        Core.Customers.VatNumber.Problem(company.VatNumber, company.Siren).Should().BeNull();
        company.VatNumber.Should().Be(Core.Customers.VatNumber.ForSiren(company.Siren));
    }
}
