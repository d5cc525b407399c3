using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatementId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    BookedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    DebtorName = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    DebtorIban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    RemittanceInfo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MatchedBy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CustomerId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ImportedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
