using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Fictional French customers (valid SIREN checksums, computed VAT keys, valid IBANs) for demos and first runs. Their
/// contacts' addresses are under the reserved .example domain (RFC 2606): a demo configured with a real SMTP server
/// writes to nobody.
/// </summary>
internal static class DemoCustomers
{
    public static IReadOnlyList<Customer> Create(DateOnly today) =>
    [
        Customer("C-0001", "Boulangeries Durand SAS", "261973069", "12 rue des Lilas", "69003", "Lyon", "Standard", "salesperson", new(60, PaymentTermBasis.InvoiceDate), 50_000m, 30_000m, "B", today.AddYears(-6), "FR7630004008199206320370151", [Contact("Sophie Martin", "comptabilite@boulangeries-durand.example", ContactRole.AccountsPayable), Contact("Paul Durand", "paul.durand@boulangeries-durand.example", ContactRole.Management)]),
        Customer("C-0002", "Transports Morel et Fils", "140260662", "4 avenue du Port", "13002", "Marseille", "Key", "salesperson", new(45, PaymentTermBasis.EndOfMonth), 250_000m, 150_000m, "A", today.AddYears(-12), "FR7630003012348151997587343", [Contact("Nadia Benali", "fournisseurs@transports-morel.example", ContactRole.AccountsPayable), Contact("Hervé Morel", "daf@transports-morel.example", ContactRole.Finance)]),
        Customer("C-0003", "Atelier Lefèvre SARL", "175006691", "8 impasse des Tanneurs", "67000", "Strasbourg", "Small", "salesperson", PaymentTerms.LegalDefault, 15_000m, 0m, "C", today.AddMonths(-4), "FR7610107001754410355385082", [Contact("Julien Lefèvre", "julien.lefevre@atelier-lefevre.example", ContactRole.Management)]),
        Customer("C-0004", "Clinique Vétérinaire des Vosges", "337384804", "21 boulevard Foch", "88000", "Épinal", "Standard", "salesperson", new(30, PaymentTermBasis.InvoiceDate), 40_000m, 20_000m, "B", today.AddYears(-3), "FR7620041010054975325312551", [Contact("Claire Petit", "compta@clinique-vosges.example", ContactRole.AccountsPayable)]),
        Customer("C-0005", "Hôtellerie Côte d'Azur SA", "242995371", "3 promenade des Anglais", "06000", "Nice", "Key", "salesperson", new(60, PaymentTermBasis.InvoiceDate), 400_000m, 250_000m, "B", today.AddYears(-9), "FR7630002005502174269556726", [Contact("Service comptabilité fournisseurs", "factures@hotellerie-cote-azur.example", ContactRole.AccountsPayable), Contact("Isabelle Roux", "isabelle.roux@hotellerie-cote-azur.example", ContactRole.Finance), Contact("Marc Fontaine", "achats@hotellerie-cote-azur.example", ContactRole.Purchasing)]),
        Customer("C-0006", "Menuiserie Garnier", "550047120", "La Grande Rue", "35000", "Rennes", "Small", "salesperson", PaymentTerms.LegalDefault, 8_000m, 0m, "D", today.AddYears(-1), "FR7611306000107295756344201", [Contact("Yves Garnier", "contact@menuiserie-garnier.example", ContactRole.Management)]),
        Customer("C-0007", "Pharmacie Centrale de Bordeaux", "713013910", "1 cours de l'Intendance", "33000", "Bordeaux", "Standard", "salesperson", new(45, PaymentTermBasis.EndOfMonth), 60_000m, 40_000m, "A", today.AddYears(-15), "FR7618206001007143086558661", [Contact("Émilie Laurent", "comptabilite@pharmacie-centrale-bordeaux.example", ContactRole.AccountsPayable), Contact("Bernard Caron", "direction@pharmacie-centrale-bordeaux.example", ContactRole.Management)]),
        Customer("C-0008", "Start'Innov SAS", "832294821", "10 rue de la Gare", "31000", "Toulouse", "Small", "salesperson", new(30, PaymentTermBasis.InvoiceDate), 5_000m, 0m, "E", today.AddDays(-40), "FR7630066100216324330787496", [Contact("Léa Moreau", "finance@startinnov.example", ContactRole.Finance)]),
    ];

    private static Customer Customer(
        string id, string name, string siren, string street, string postalCode, string city, string segment, string salesperson,
        PaymentTerms terms, decimal internalLimit, decimal insurerCover, string riskClass, DateOnly openedOn, string iban,
        List<CustomerContact> contacts) => new()
        {
            Id = id,
            LegalName = name,
            Siren = siren,
            VatNumber = VatNumber.ForSiren(siren),
            BillingAddress = new Address(street, null, postalCode, city, "FR"),
            Segment = segment,
            Salesperson = salesperson,
            PaymentTerms = terms,
            PaymentTermsAgreedInContract = terms != PaymentTerms.LegalDefault,
            InternalCreditLimit = internalLimit,
            InsurerCover = insurerCover,
            RiskClass = riskClass,
            AccountOpenedOn = openedOn,
            Iban = iban,
            Contacts = contacts,
        };

    private static CustomerContact Contact(string name, string email, ContactRole role) => CustomerContact.Create(name, email, role);
}
