using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace OrderToCash.Core.Documents;

/// <summary>
/// Lays out an invoice or credit note in French on A4 pages (seller, buyer, references, lines, VAT breakdown, totals,
/// due date, payment details and the mandatory mentions) and embeds its Factur-X XML (<see cref="FacturXPdf"/>).
/// </summary>
public static class InvoicePdf
{
    private const double Margin = 42;
    private const double Width = 595 - (2 * Margin);
    private const double PageBottom = 842 - 60;

    public static byte[] Render(InvoiceDocumentModel model, byte[] facturXml)
    {
        ArgumentNullException.ThrowIfNull(model);
        DocumentFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var title = $"{model.Kind switch { DocumentKind.CreditNote => "Avoir", DocumentKind.CorrectedInvoice => "Facture rectificative", _ => "Facture" }} {model.Number}";
        var writer = new PageWriter(document, model);
        writer.Header(title);
        writer.Parties();
        writer.References();
        writer.Lines();
        writer.VatAndTotals();
        writer.Mentions();
        writer.Finish();
        FacturXPdf.Embed(document, facturXml, title, model.Seller.Name, model.IssueDate);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return FacturXPdf.WithFacturXmp(output.ToArray(), title, model.Seller.Name);
    }

    internal static string Money(decimal amount, string currency) => FrenchFormat.Amount(amount, currency);

    internal static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Draws top to bottom, adding a page when the next block does not fit.</summary>
    private sealed class PageWriter(PdfDocument document, InvoiceDocumentModel model)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private readonly XFont _regular = new(DocumentFonts.Family, 9, XFontStyleEx.Regular, Unicode);
        private readonly XFont _small = new(DocumentFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _bold = new(DocumentFonts.Family, 9, XFontStyleEx.Bold, Unicode);
        private readonly XFont _title = new(DocumentFonts.Family, 16, XFontStyleEx.Bold, Unicode);
        private XGraphics? _gfx;
        private double _y;
        private int _pages;

        private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page is open.");

        public void Header(string title)
        {
            NewPage();
            Text(model.Seller.Name, _bold, Margin, _y);
            Text(title.ToUpperInvariant(), _title, Margin + (Width / 2), _y);
            _y += 14;
            foreach (var line in Address(model.Seller))
            {
                Text(line, _regular, Margin, _y);
                _y += 11;
            }

            Text($"Date : {Date(model.IssueDate)}", _regular, Margin + (Width / 2), _y - 22);
            _y += 8;
        }

        public void Parties()
        {
            var top = _y;
            Text("Client", _bold, Margin + (Width / 2), top);
            var y = top + 12;
            Text(model.Buyer.Name, _regular, Margin + (Width / 2), y);
            foreach (var line in Address(model.Buyer))
            {
                y += 11;
                Text(line, _regular, Margin + (Width / 2), y);
            }

            _y = Math.Max(_y, y) + 20;
        }

        public void References()
        {
            var lines = new List<string>();
            if (model.PrecedingInvoiceNumber is { } preceding)
            {
                lines.Add($"{(model.Kind == DocumentKind.CorrectedInvoice ? "Facture rectifiée" : "Facture d'origine")} : {preceding}" + (model.PrecedingInvoiceDate is { } d ? $" du {Date(d)}" : string.Empty));
            }

            if (model.OrderNumber is { } order)
            {
                lines.Add($"Votre commande : {order}");
            }

            if (model.DeliveryDate is { } delivered)
            {
                lines.Add($"Date de livraison : {Date(delivered)}");
            }

            if (model.Note is { } note)
            {
                lines.Add(note);
            }

            foreach (var line in lines)
            {
                Wrapped(line, _regular, Margin, Width);
            }

            _y += 8;
        }

        public void Lines()
        {
            double[] columns = [Margin, Margin + 250, Margin + 300, Margin + 385, Margin + 430];
            void HeaderRow()
            {
                Text("Désignation", _bold, columns[0], _y);
                Right("Qté", _bold, columns[2] - 6, _y);
                Right("PU HT", _bold, columns[3] - 6, _y);
                Right("TVA", _bold, columns[4] - 6, _y);
                Right("Total HT", _bold, Margin + Width, _y);
                _y += 12;
                Gfx.DrawLine(XPens.Gray, Margin, _y - 2, Margin + Width, _y - 2);
            }

            HeaderRow();
            foreach (var line in model.Lines)
            {
                if (_y + 24 > PageBottom)
                {
                    NewPage();
                    HeaderRow();
                }

                var top = _y;
                Wrapped($"{line.LineNumber}. {line.Description}", _regular, columns[0], 245);
                Right(FrenchFormat.Number(line.Quantity), _regular, columns[2] - 6, top);
                Right(FrenchFormat.Number(line.UnitPrice, "#,##0.00##"), _regular, columns[3] - 6, top);
                Right(FrenchFormat.Number(line.VatRate, "0.##") + " %", _regular, columns[4] - 6, top);
                Right(Money(line.NetAmount, model.Currency), _regular, Margin + Width, top);
            }

            Gfx.DrawLine(XPens.Gray, Margin, _y, Margin + Width, _y);
            _y += 10;
        }

        public void VatAndTotals()
        {
            Need(40 + (12 * model.Vat.Count));
            var left = Margin;
            Text("Taux de TVA", _bold, left, _y);
            Right("Base HT", _bold, left + 170, _y);
            Right("Montant TVA", _bold, left + 260, _y);
            var totalsY = _y;
            _y += 12;
            foreach (var vat in model.Vat)
            {
                Text(FrenchFormat.Number(vat.Rate, "0.##") + " %", _regular, left, _y);
                Right(Money(vat.Basis, model.Currency), _regular, left + 170, _y);
                Right(Money(vat.Amount, model.Currency), _regular, left + 260, _y);
                _y += 12;
            }

            var x = Margin + 330;
            foreach (var (label, amount, font) in new[] { ("Total HT", model.NetTotal, _regular), ("Total TVA", model.VatTotal, _regular), (model.Kind == DocumentKind.CreditNote ? "Total TTC de l'avoir" : "Total TTC", model.GrossTotal, _bold) })
            {
                Text(label, font, x, totalsY);
                Right(Money(amount, model.Currency), font, Margin + Width, totalsY);
                totalsY += 13;
            }

            if (model.Kind != DocumentKind.CreditNote)
            {
                Text("Net à payer", _bold, x, totalsY);
                Right(Money(model.GrossTotal, model.Currency), _bold, Margin + Width, totalsY);
                totalsY += 13;
            }

            _y = Math.Max(_y, totalsY) + 12;
        }

        public void Mentions()
        {
            if (model.DueDate is { } due)
            {
                Wrapped($"Date d'échéance : {Date(due)} — Conditions de paiement : {model.PaymentTermsText}", _bold, Margin, Width);
            }
            else
            {
                Wrapped(model.PaymentTermsText, _bold, Margin, Width);
            }

            if (model.SellerIban is { } iban)
            {
                Wrapped($"Règlement par virement — IBAN : {iban}" + (model.SellerBic is { } bic ? $" — BIC : {bic}" : string.Empty) + $" — Référence à rappeler : {model.Number}", _regular, Margin, Width);
            }

            _y += 4;
            Wrapped(model.PenaltyClause, _small, Margin, Width);
            Wrapped($"Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : {Money(model.RecoveryIndemnity, model.Currency)} (art. L441-10 et D441-5 du Code de commerce).", _small, Margin, Width);
            Wrapped("Pas d'escompte pour paiement anticipé.", _small, Margin, Width);
            Wrapped($"Vendeur : SIREN {model.Seller.Siren} — TVA intracommunautaire {model.Seller.VatNumber}. Client : SIREN {model.Buyer.Siren} — TVA intracommunautaire {model.Buyer.VatNumber}.", _small, Margin, Width);
            Wrapped($"Document Factur-X (profil EN 16931) : les données structurées de ce document sont jointes dans le fichier {FacturXXml.FileName}.", _small, Margin, Width);
        }

        public void Finish() => _gfx?.Dispose();

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _pages++;
            _y = Margin;
            if (_pages > 1)
            {
                Text($"{model.Number} — page {_pages}", _small, Margin, _y);
                _y += 16;
            }
        }

        private void Need(double height)
        {
            if (_y + height > PageBottom)
            {
                NewPage();
            }
        }

        private void Text(string text, XFont font, double x, double y) =>
            Gfx.DrawString(text, font, XBrushes.Black, new XRect(x, y, Width, font.Height), XStringFormats.TopLeft);

        private void Right(string text, XFont font, double right, double y) =>
            Gfx.DrawString(text, font, XBrushes.Black, new XRect(right - 200, y, 200, font.Height), XStringFormats.TopRight);

        private void Wrapped(string text, XFont font, double x, double width)
        {
            var height = Height(text, font, width);
            Need(height);
            new XTextFormatter(Gfx).DrawString(text, font, XBrushes.Black, new XRect(x, _y, width, height), XStringFormats.TopLeft);
            _y += height + 2;
        }

        private double Height(string text, XFont font, double width)
        {
            // Greedy word wrap, as XTextFormatter does, to know how much room the paragraph takes.
            var lines = 1;
            var current = 0.0;
            var space = Gfx.MeasureString(" ", font).Width;
            foreach (var word in text.Split(' '))
            {
                var w = Gfx.MeasureString(word, font).Width;
                if (current > 0 && current + space + w > width)
                {
                    lines++;
                    current = w;
                }
                else
                {
                    current += (current > 0 ? space : 0) + w;
                }
            }

            return lines * font.GetHeight() * 1.05;
        }

        private static IEnumerable<string> Address(DocumentParty party)
        {
            yield return party.Address.Line1;
            if (!string.IsNullOrWhiteSpace(party.Address.Line2))
            {
                yield return party.Address.Line2;
            }

            yield return $"{party.Address.PostalCode} {party.Address.City}" + (party.Address.CountryCode == "FR" ? string.Empty : $" ({party.Address.CountryCode})");
        }
    }
}
