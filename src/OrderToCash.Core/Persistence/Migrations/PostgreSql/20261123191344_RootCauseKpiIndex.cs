using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RootCauseKpiIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_invoices_open_items",
                table: "invoices",
                columns: new[] { "IssueDate", "SettledOn", "DueDate", "GrossAmount", "PaidAmount", "CreditedAmount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_invoices_open_items",
                table: "invoices");
        }
    }
}
