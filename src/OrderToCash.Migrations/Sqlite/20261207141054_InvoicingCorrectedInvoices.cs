using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoicingCorrectedInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrectionCreditNoteNumber",
                table: "invoices",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectsInvoiceNumber",
                table: "invoices",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_CorrectsInvoiceNumber",
                table: "invoices",
                column: "CorrectsInvoiceNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_invoices_CorrectsInvoiceNumber",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "CorrectionCreditNoteNumber",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "CorrectsInvoiceNumber",
                table: "invoices");
        }
    }
}
