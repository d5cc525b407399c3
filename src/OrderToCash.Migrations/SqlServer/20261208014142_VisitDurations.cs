using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VisitDurations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_visits_ProcessId_ElementId_EnteredAt",
                table: "wf_visits");

            migrationBuilder.AddColumn<long>(
                name: "DurationTicks",
                table: "wf_visits",
                type: "bigint",
                nullable: true);

            // The passages recorded before: their duration from their entry and exit (nanoseconds, to ticks), ADR 0137.
            migrationBuilder.Sql(@"UPDATE [wf_visits] SET [DurationTicks] = DATEDIFF_BIG(nanosecond, [EnteredAt], [LeftAt]) / 100 WHERE [LeftAt] IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_wf_visits_ProcessId_ElementId_DurationTicks_LeftAt_EnteredAt",
                table: "wf_visits",
                columns: new[] { "ProcessId", "ElementId", "DurationTicks", "LeftAt", "EnteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_visits_ProcessId_ElementId_DurationTicks_LeftAt_EnteredAt",
                table: "wf_visits");

            migrationBuilder.DropColumn(
                name: "DurationTicks",
                table: "wf_visits");

            migrationBuilder.CreateIndex(
                name: "IX_wf_visits_ProcessId_ElementId_EnteredAt",
                table: "wf_visits",
                columns: new[] { "ProcessId", "ElementId", "EnteredAt" });
        }
    }
}
