using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "contact_log_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    InvoiceNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PromiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NextAction = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NextActionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
