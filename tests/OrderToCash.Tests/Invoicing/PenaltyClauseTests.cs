using OrderToCash.Core.Invoicing;

namespace OrderToCash.Tests.Invoicing;

public sealed class PenaltyClauseTests
{
    [Fact]
    public void The_clause_prints_the_rate_with_a_decimal_comma_the_due_date_and_the_indemnity()
    {
        var clause = new LatePaymentTermsResult(12.15m, 40m, 1).Clause(new DateOnly(2026, 3, 6));

        clause.Should().Contain("après le 06/03/2026").And.Contain("12,15 % l'an").And.Contain("40 €").And.Contain("L441-10");
    }

    [Fact]
    public void Without_a_rate_in_the_rules_table_the_clause_states_the_legal_formula()
    {
        var clause = new LatePaymentTermsResult(null, 40m, 1).Clause(new DateOnly(2026, 9, 30));

        clause.Should().Contain("taux de refinancement de la BCE en vigueur").And.NotContain("%");
    }
}
