using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderToCash.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RootCauseImprovementTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "improvement_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OpenCauseKey = table.Column<string>(type: "TEXT", maxLength: 101, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TriggeredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EvidenceTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OccurrencesBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RatePer1000Before = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    FixDeployedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FixDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RatePer1000After = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    VerificationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_improvement_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "improvement_task_evidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisputeNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_improvement_task_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_improvement_task_evidence_improvement_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "improvement_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_improvement_task_evidence_TaskId",
                table: "improvement_task_evidence",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_improvement_tasks_Department_Status",
                table: "improvement_tasks",
                columns: new[] { "Department", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_improvement_tasks_Number",
                table: "improvement_tasks",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_improvement_tasks_OpenCauseKey",
                table: "improvement_tasks",
                column: "OpenCauseKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "improvement_task_evidence");

            migrationBuilder.DropTable(
                name: "improvement_tasks");
        }
    }
}
