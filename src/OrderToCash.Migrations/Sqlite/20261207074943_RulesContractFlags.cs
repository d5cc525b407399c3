using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RulesContractFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing customers keep the previous reading: their terms were taken as the contract's (issue 17).
            migrationBuilder.AddColumn<bool>(
                name: "payment_terms_agreed_in_contract",
                table: "customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "periodic_invoicing",
                table: "customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payment_terms_agreed_in_contract",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "periodic_invoicing",
                table: "customers");
        }
    }
}
