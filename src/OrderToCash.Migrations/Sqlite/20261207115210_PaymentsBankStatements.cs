using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentsBankStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_statement_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    BookedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    DebtorName = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    DebtorIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    RemittanceInfo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_statement_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bank_statement_entries_Account_Reference",
                table: "bank_statement_entries",
                columns: new[] { "Account", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bank_statement_entries_Outcome_BookedOn",
                table: "bank_statement_entries",
                columns: new[] { "Outcome", "BookedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_statement_entries");
        }
    }
}
