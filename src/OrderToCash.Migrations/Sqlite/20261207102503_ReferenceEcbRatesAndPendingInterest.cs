using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferenceEcbRatesAndPendingInterest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ecb_rate_table_versions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Rates = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ecb_rate_table_versions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "pending_interests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Semester = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    BasisAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsAboveEcb = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    EscalationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EcbRatePercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Interest = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ChargedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EcbTableVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_interests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pending_interests_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ecb_rate_table_versions",
                columns: new[] { "Version", "Author", "Comment", "PublishedAt", "Rates" },
                values: new object[] { 1, "rules/escalation.json", "The rates of the escalation rules' penalty table (2023-H1 to 2026-H1), moved to the reference table.", 639321984000000000L, "{\"2023-H1\":2.50,\"2023-H2\":4.00,\"2024-H1\":4.50,\"2024-H2\":4.25,\"2025-H1\":3.15,\"2025-H2\":2.15,\"2026-H1\":2.15}" });

            migrationBuilder.CreateIndex(
                name: "IX_pending_interests_InvoiceId",
                table: "pending_interests",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_pending_interests_Status_Semester",
                table: "pending_interests",
                columns: new[] { "Status", "Semester" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ecb_rate_table_versions");

            migrationBuilder.DropTable(
                name: "pending_interests");
        }
    }
}
