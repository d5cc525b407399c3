using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionsContactLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PaidInvoicesCarriedOver",
                table: "customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "contact_log_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PromiseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NextAction = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextActionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_log_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contact_log_entries_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_entries_CustomerId_RecordedAt",
                table: "contact_log_entries",
                columns: new[] { "CustomerId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_entries_NextActionOn",
                table: "contact_log_entries",
                column: "NextActionOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_log_entries");

            migrationBuilder.DropColumn(
                name: "PaidInvoicesCarriedOver",
                table: "customers");
        }
    }
}
