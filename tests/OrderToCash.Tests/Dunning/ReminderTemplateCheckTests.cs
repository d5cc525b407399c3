using OrderToCash.Core.Dunning;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Tests.Dunning;

public sealed class ReminderTemplateCheckTests
{
    [Fact]
    public void The_default_templates_pass_the_check()
    {
        foreach (var step in ReminderTemplates.EmailedSteps)
        {
            var template = DefaultReminderTemplates.For(step);
            ReminderTemplates.Check(template.Subject, template.Body).Should().BeEmpty(step);
        }
    }

    [Fact]
    public void A_variable_the_statement_does_not_have_is_refused_with_its_line_and_name()
    {
        var problems = ReminderTemplates.Check("Relance {{ total_asked }}", "Madame, Monsieur,\n\nBonjour {{ customer.nme }},\n{{ totl_asked }}");

        problems.Should().HaveCount(2);
        problems[0].Should().Contain("line 3").And.Contain("'nme'").And.Contain("customer");
        problems[1].Should().Contain("line 4").And.Contain("'totl_asked'");
    }

    [Fact]
    public void An_unknown_variable_inside_the_invoice_loop_is_refused_too()
    {
        var problems = ReminderTemplates.Check("Relance", "{% for invoice in invoices %}{{ invoice.amount_due }}{% endfor %}");

        problems.Should().ContainSingle().Which.Should().Contain("line 1").And.Contain("'amount_due'").And.Contain("asked");
    }

    [Fact]
    public void A_template_that_does_not_parse_is_refused_with_where()
    {
        var problems = ReminderTemplates.Check("Relance", "Madame,\n{% if total_asked %}sans fin");

        problems.Should().ContainSingle().Which.Should().StartWith("The body is not valid Liquid");
    }

    [Fact]
    public void An_unknown_filter_is_refused()
    {
        ReminderTemplates.Check("Relance", "{{ total_asked | shout }}").Should().ContainSingle().Which.Should().Contain("shout");
    }

    [Fact]
    public void The_penalty_terms_state_the_rate_when_the_table_has_it_and_the_legal_formula_when_it_does_not()
    {
        new LatePaymentTermsResult(new Semester(2026, 1), 2.15m, 10m, 40m, 1).RateText
            .Should().StartWith("au taux annuel de 12,15 % (taux de refinancement de la BCE en vigueur au 1er janvier 2026, 2,15 %, majoré de 10 points)");
        new LatePaymentTermsResult(new Semester(2026, 2), null, 10m, 40m, 1).RateText
            .Should().Be("au taux de refinancement de la BCE en vigueur au 1er juillet 2026, majoré de 10 points");
    }
}
