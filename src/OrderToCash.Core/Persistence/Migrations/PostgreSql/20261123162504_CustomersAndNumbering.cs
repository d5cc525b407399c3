using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustomersAndNumbering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LegalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Siren = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    VatNumber = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Salesperson = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    InternalCreditLimit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InsurerCover = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RiskClass = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AccountOpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    billing_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    billing_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    billing_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    billing_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    billing_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payment_term_basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payment_term_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_number_series",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastNumber = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_number_series", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "credit_exposures",
                columns: table => new
                {
                    CustomerId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    OpenOrders = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DeliveredNotInvoiced = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OpenReceivables = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_exposures", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_credit_exposures_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_Salesperson",
                table: "customers",
                column: "Salesperson");

            migrationBuilder.CreateIndex(
                name: "IX_customers_Siren",
                table: "customers",
                column: "Siren",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_exposures");

            migrationBuilder.DropTable(
                name: "invoice_number_series");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
