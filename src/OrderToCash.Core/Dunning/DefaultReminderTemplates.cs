namespace OrderToCash.Core.Dunning;

/// <summary>
/// The built-in French templates (version 0) of the e-mailed ladder steps. The model: <c>customer</c> (name, siren,
/// address), <c>invoices</c> (number, issue_date, due_date, gross, open, disputed, asked, days_late), <c>total_asked</c>,
/// <c>total_disputed</c>, <c>penalty_rate</c> (text, empty when the ECB rate table lacks the semester), <c>penalty_terms</c>
/// (the rate in words, or the legal formula), <c>indemnity</c>, <c>seller</c> (name, iban, email),
/// <c>today</c>. Amounts are already written the French way (1 234,56 €).
/// </summary>
public static class DefaultReminderTemplates
{
    private const string Lines = """
        {% for invoice in invoices %}- Facture {{ invoice.number }} du {{ invoice.issue_date }}, échéance {{ invoice.due_date }} : {{ invoice.asked }} à régler{% if invoice.disputed_amount > 0 %} (dont {{ invoice.disputed }} contestés, non réclamés){% endif %}
        {% endfor %}
        """;

    private const string Signature = """

        Les factures sont jointes à ce message (PDF Factur-X). Pour tout règlement par virement : IBAN {{ seller.iban }}, en rappelant les numéros de facture.
        Si vous avez déjà effectué ce règlement, merci de ne pas tenir compte de ce message.

        Cordialement,
        Le service recouvrement — {{ seller.name }}
        {{ seller.email }}
        """;

    public static ReminderTemplate For(string step) => step switch
    {
        "PreDueNotice" => Template(step,
            "{{ seller.name }} : factures arrivant à échéance ({{ total_asked }})",
            "Madame, Monsieur,\n\nLes factures suivantes arrivent bientôt à échéance :\n\n" + Lines
            + "\nTotal à régler : {{ total_asked }}.\n\nVous sont-elles bien parvenues, et quelque chose en empêche-t-il le paiement ? Dites-le-nous dès maintenant : nous le réglerons avant l'échéance.\n" + Signature),
        "FormalReminder" => Template(step,
            "Relance : relevé des factures échues ({{ total_asked }})",
            "Madame, Monsieur,\n\nSauf erreur de notre part, les factures suivantes restent impayées à ce jour ({{ today }}) :\n\n" + Lines
            + "\nNous vous demandons de régler {{ total_asked }} sans délai.{% if total_disputed_amount > 0 %} Les montants contestés ({{ total_disputed }}) ne sont pas réclamés tant que la contestation est en cours.{% endif %}\n\n"
            + "Conformément à nos conditions et à l'article L441-10 du Code de commerce, des pénalités de retard {{ penalty_terms }} courent depuis le lendemain de chaque échéance, et une indemnité forfaitaire pour frais de recouvrement de {{ indemnity }} par facture est due (art. D441-5).\n" + Signature),
        "FinalNotice" => Template(step,
            "Mise en demeure de payer ({{ total_asked }})",
            "Madame, Monsieur,\n\nMalgré nos relances, les factures suivantes restent impayées :\n\n" + Lines
            + "\nNous vous mettons en demeure de régler {{ total_asked }} sous huit jours. À défaut, la créance sera transmise au recouvrement contentieux, avec les pénalités de retard {{ penalty_terms }} et l'indemnité forfaitaire de {{ indemnity }} par facture.\n"
            + "Cette mise en demeure vous est également adressée par lettre recommandée avec accusé de réception.\n" + Signature),
        _ => Template(step,
            "Relevé de factures à régler ({{ total_asked }})",
            "Madame, Monsieur,\n\nLes factures suivantes restent à régler :\n\n" + Lines + "\nTotal : {{ total_asked }}.\n" + Signature),
    };

    private static ReminderTemplate Template(string step, string subject, string body) =>
        new() { Step = step, Version = 0, Subject = subject, Body = body, Author = "OrderToCash", Comment = "Modèle par défaut" };
}
