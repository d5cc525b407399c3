using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "housekeeping_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RemovedRuns = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_housekeeping_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_housekeeping_runs_StartedAt",
                table: "housekeeping_runs",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "housekeeping_runs");
        }
    }
}
