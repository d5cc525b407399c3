using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RootCauseKpiIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_invoices_issue_amount",
                table: "invoices",
                columns: new[] { "IssueDate", "GrossAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_open_items",
                table: "invoices",
                columns: new[] { "SettledOn", "IssueDate", "DueDate", "GrossAmount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_invoices_issue_amount",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_open_items",
                table: "invoices");
        }
    }
}
