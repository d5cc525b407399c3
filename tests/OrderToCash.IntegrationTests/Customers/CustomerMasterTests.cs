using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Customers;

public sealed class CustomerMasterTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public CustomerMasterTests() => host = TestHost.Sqlite(directory, ("Demo:Seed", "true"), ("Scheduler:AutoStart", "false"), ("Rules:Watch", "true"), ("Rules:Folder", RepositoryPaths.Rules));

    private static Dictionary<string, object?> Draft(string id = "C-0100", string siren = "732829320", string vat = "FR44732829320") => new()
    {
        ["id"] = id,
        ["legalName"] = "Menuiserie Arnaud SARL",
        ["siren"] = siren,
        ["vatNumber"] = vat,
        ["addressLine1"] = "5 rue du Moulin",
        ["postalCode"] = "44000",
        ["city"] = "Nantes",
        ["segment"] = "Standard",
        ["salesperson"] = "salesperson",
        ["paymentTermDays"] = 45,
        ["paymentTermBasis"] = "EndOfMonth",
        ["paymentTermsAgreedInContract"] = true,
        ["contacts"] = new[] { new { name = "Service comptabilité", email = "compta@arnaud.example", role = "AccountsPayable" } },
        ["riskClass"] = "C",
        ["insurerCover"] = 20_000m,
        ["insurerCoverExpiresOn"] = "2099-06-30",
        ["nextReviewOn"] = "2099-01-15",
    };

    [Fact]
    public async Task Sales_administration_creates_a_customer_that_is_listed_with_its_terms_and_a_history_entry()
    {
        using var admin = host.ClientFor("sandra");

        var created = await admin.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), Draft());

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var customer = await Json(admin, "/api/customers/C-0100");
        customer.GetProperty("paymentTermDays").GetInt32().Should().Be(45);
        customer.GetProperty("paymentTermBasis").GetString().Should().Be("EndOfMonth");
        customer.GetProperty("insurerCoverExpiresOn").GetString().Should().Be("2099-06-30");
        customer.GetProperty("exposure").GetProperty("headroom").GetDecimal().Should().Be(20_000m, "no internal limit yet, the insurer's cover only");
        var history = await Json(admin, "/api/customers/C-0100/history");
        var entry = history.EnumerateArray().Single();
        entry.GetProperty("changedBy").GetString().Should().Be("sandra");
        entry.GetProperty("kind").GetString().Should().Be("Created");
        entry.GetProperty("fields").EnumerateArray().Should().Contain(f => f.GetProperty("field").GetString() == "riskClass" && f.GetProperty("after").GetString() == "C");
        (await Json(admin, "/api/customers?q=Arnaud")).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_bad_customer_is_refused_field_by_field_and_nothing_is_written()
    {
        using var admin = host.ClientFor("sandra");
        var draft = Draft(vat: "FR45732829320");
        draft["segment"] = "Huge";
        draft["insurerCoverExpiresOn"] = null;
        draft["postalCode"] = "440";
        draft["contacts"] = new[] { new { name = "Compta", email = "compta.arnaud.example", role = "AccountsPayable" } };

        var refused = await admin.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), draft);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty("vatNumber")[0].GetString().Should().Contain("wrong key: for SIREN 732829320 it is FR44732829320");
        errors.GetProperty("segment")[0].GetString().Should().Contain("Key, Standard, Small");
        errors.GetProperty("insurerCoverExpiresOn")[0].GetString().Should().Contain("expiry date");
        errors.GetProperty("postalCode")[0].GetString().Should().Contain("5 digits");
        errors.GetProperty("contacts[0]")[0].GetString().Should().Contain("compta.arnaud.example");
        (await admin.GetAsync(new Uri("/api/customers/C-0100", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Payment_terms_beyond_L441_10_are_refused_with_the_payment_terms_rules_message()
    {
        using var admin = host.ClientFor("sandra");
        var draft = Draft();
        draft["paymentTermDays"] = 50;

        var refused = await admin.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), draft);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("45 days end of month is allowed only when written in the contract, and never longer (L441-10 I).");
    }

    [Fact]
    public async Task Terms_beyond_30_days_need_the_contract_flag_and_a_periodic_invoice_is_capped_at_45_days()
    {
        using var admin = host.ClientFor("sandra");
        var draft = Draft();
        draft["paymentTermsAgreedInContract"] = false;
        var periodic = Draft();
        periodic["paymentTermDays"] = 60;
        periodic["paymentTermBasis"] = "InvoiceDate";
        periodic["periodicInvoicing"] = true;

        var noContract = await admin.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), draft);
        var tooLong = await admin.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), periodic);

        (await noContract.Content.ReadAsStringAsync()).Should().Contain("Without contractual terms, payment is due 30 days after delivery at most");
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("A periodic invoice is payable within 45 days of its issue");
        noContract.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        tooLong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_edit_is_recorded_with_who_and_each_field_before_and_after_and_the_limit_only_changes_by_request()
    {
        using var admin = host.ClientFor("sandra");
        await admin.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), Draft());
        var edit = Draft();
        edit["riskClass"] = "D";
        edit["nextReviewOn"] = "2099-02-01";

        var saved = await admin.PutAsJsonAsync(new Uri("/api/customers/C-0100", UriKind.Relative), edit);
        edit["internalCreditLimit"] = 99_000m;
        var limit = await admin.PutAsJsonAsync(new Uri("/api/customers/C-0100", UriKind.Relative), edit);

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        limit.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await limit.Content.ReadAsStringAsync()).Should().Contain("credit-limit request");
        var latest = (await Json(admin, "/api/customers/C-0100/history"))[0];
        latest.GetProperty("kind").GetString().Should().Be("Updated");
        latest.GetProperty("changedBy").GetString().Should().Be("sandra");
        var fields = latest.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("field").GetString(), f.GetProperty("before").GetString(), f.GetProperty("after").GetString())).ToList();
        fields.Should().BeEquivalentTo([("riskClass", "C", "D"), ("nextReviewOn", "2099-01-15", "2099-02-01")]);
    }

    [Fact]
    public async Task A_granted_credit_limit_request_appears_in_the_customer_history()
    {
        using var sales = host.ClientFor("salesperson");
        using var credit = host.ClientFor("claire");
        var asked = await sales.PostAsJsonAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), new { requestedLimit = 30_000m, reason = "Seasonal orders" });
        var id = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        await credit.PostAsJsonAsync(new Uri($"/api/credit-limit-requests/{id}/decision", UriKind.Relative), new { approve = true, comment = "ok" });

        var latest = (await Json(sales, "/api/customers/C-0003/history"))[0];
        latest.GetProperty("kind").GetString().Should().Be("CreditLimitDecided");
        latest.GetProperty("changedBy").GetString().Should().Be("claire");
        latest.GetProperty("fields")[0].GetProperty("after").GetString().Should().Be("30000.00");
    }

    [Fact]
    public async Task A_salesperson_cannot_edit_and_sees_the_history_of_their_own_accounts_only()
    {
        using var sales = host.ClientFor("sam");

        var create = await sales.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), Draft());
        var history = await sales.GetAsync(new Uri("/api/customers/C-0001/history", UriKind.Relative));

        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        history.StatusCode.Should().Be(HttpStatusCode.NotFound, "C-0001 is the other salesperson's account");
    }

    [Fact]
    public async Task A_csv_import_with_one_bad_line_creates_nothing_and_names_the_line_then_the_corrected_file_creates_all()
    {
        using var admin = host.ClientFor("sandra");
        const string Header = "id;legalName;siren;vatNumber;addressLine1;postalCode;city;segment;salesperson;paymentTermDays;paymentTermBasis;paymentTermsAgreedInContract;riskClass;insurerCover;insurerCoverExpiresOn;accountsPayableEmail\n";
        var good = "C-0200;Scierie Blanc;552120222;FR27552120222;1 route de Gap;05000;Gap;Small;salesperson;30;Delivery;non;B;0;;compta@blanc.example\n";
        var bad = "C-0201;Cave Rousseau;404833049;FR83404833048;2 quai Nord;33000;Bordeaux;Standard;salesperson;60;InvoiceDate;oui;A;12 500,50;31/12/2099;\n";

        var refused = await Import(admin, Header + good + bad);
        var accepted = await Import(admin, Header + good + bad.Replace("404833049", "404833048", StringComparison.Ordinal));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty("line 3: siren")[0].GetString().Should().Contain("checksum");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await Json(admin, "/api/customers/C-0201")).GetProperty("insurerCover").GetDecimal().Should().Be(12_500.50m);
        (await Json(admin, "/api/customers/C-0200/history"))[0].GetProperty("kind").GetString().Should().Be("Imported");
    }

    [Fact]
    public async Task Paid_invoices_carried_over_from_the_previous_system_are_imported_edited_and_kept_when_an_edit_omits_them()
    {
        using var admin = host.ClientFor("sandra");
        const string Header = "id;legalName;siren;vatNumber;addressLine1;postalCode;city;segment;salesperson;paymentTermDays;paymentTermBasis;riskClass;paidInvoicesCarriedOver\n";
        const string Line = "C-0210;Scierie Blanc;552120222;FR27552120222;1 route de Gap;05000;Gap;Small;salesperson;30;Delivery;B;";

        var notANumber = await Import(admin, Header + Line + "douze\n");
        var negative = await Import(admin, Header + Line + "-3\n");
        var accepted = await Import(admin, Header + Line + "12\n");

        notANumber.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await notANumber.Content.ReadAsStringAsync()).Should().Contain("line 2: paidInvoicesCarriedOver").And.Contain("'douze' is not a number.");
        negative.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a sign is not a count");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await Json(admin, "/api/customers/C-0210")).GetProperty("paidInvoicesCarriedOver").GetInt32().Should().Be(12);

        var draft = Draft("C-0210", "552120222", "FR27552120222");
        draft["paidInvoicesCarriedOver"] = 100_001;
        var tooMany = await admin.PutAsJsonAsync(new Uri("/api/customers/C-0210", UriKind.Relative), draft);
        tooMany.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await tooMany.Content.ReadAsStringAsync()).Should().Contain("The paid invoices carried over (100001) must be between 0 and 100000.");
        draft["paidInvoicesCarriedOver"] = 15;
        (await admin.PutAsJsonAsync(new Uri("/api/customers/C-0210", UriKind.Relative), draft)).StatusCode.Should().Be(HttpStatusCode.OK);
        draft.Remove("paidInvoicesCarriedOver");
        (await admin.PutAsJsonAsync(new Uri("/api/customers/C-0210", UriKind.Relative), draft)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Json(admin, "/api/customers/C-0210")).GetProperty("paidInvoicesCarriedOver").GetInt32().Should().Be(15, "an edit that does not name the count keeps it");
        var history = await Json(admin, "/api/customers/C-0210/history");
        history.EnumerateArray().SelectMany(e => e.GetProperty("fields").EnumerateArray())
            .Should().Contain(f => f.GetProperty("field").GetString() == "paidInvoicesCarriedOver" && f.GetProperty("before").GetString() == "12" && f.GetProperty("after").GetString() == "15");
    }

    [Fact]
    public async Task A_csv_import_with_a_wrong_header_is_refused_with_the_expected_columns()
    {
        using var admin = host.ClientFor("sandra");

        var refused = await Import(admin, "id,name\nC-1,X\n");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("lacks the column(s) legalName").And.Contain("has unknown column(s) name");
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, string csv) =>
        client.PostAsync(new Uri("/api/customers/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JsonElement> Json(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement;

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
