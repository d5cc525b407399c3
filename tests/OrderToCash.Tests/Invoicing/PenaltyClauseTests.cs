using OrderToCash.Core.Invoicing;
using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Tests.Invoicing;

public sealed class PenaltyClauseTests
{
    [Fact]
    public void The_clause_prints_the_rate_the_ecb_rate_of_the_semester_and_the_points_with_decimal_commas()
    {
        var clause = new LatePaymentTermsResult(new Semester(2026, 1), 2.15m, 10m, 40m, 1).Clause(new DateOnly(2026, 3, 6));

        clause.Should().Be("En cas de retard de paiement après le 06/03/2026, pénalités de retard au taux annuel de 12,15 % (taux de refinancement "
            + "de la BCE en vigueur au 1er janvier 2026, 2,15 %, majoré de 10 points), exigibles sans rappel (art. L441-10 II du Code de commerce), "
            + "et indemnité forfaitaire pour frais de recouvrement de 40 € (art. D441-5).");
    }

    [Fact]
    public void Without_the_semester_in_the_ecb_table_the_clause_states_the_legal_formula_in_correct_french()
    {
        var clause = new LatePaymentTermsResult(new Semester(2026, 2), null, 10m, 40m, 1).Clause(new DateOnly(2026, 9, 30));

        clause.Should().Be("En cas de retard de paiement après le 30/09/2026, pénalités de retard au taux de refinancement de la BCE en vigueur "
            + "au 1er juillet 2026, majoré de 10 points, exigibles sans rappel (art. L441-10 II du Code de commerce), et indemnité forfaitaire "
            + "pour frais de recouvrement de 40 € (art. D441-5).");
        clause.Should().NotContain("taux de le taux").And.NotContain("%");
    }
}
