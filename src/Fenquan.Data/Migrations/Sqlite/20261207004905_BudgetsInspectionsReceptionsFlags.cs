using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BudgetsInspectionsReceptionsFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "purchase_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedDay = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    LimitFen = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchase_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reception_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SendingOffice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Guests = table.Column<string>(type: "TEXT", nullable: false),
                    Staff = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reception_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "red_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Limit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Related = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClearedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClearedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClearReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_red_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_red_flags_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarterNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TabledBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    TabledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voucher_inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SeedTreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    SeedRoot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeedSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SeedWitnesses = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PopulationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    AlwaysAbove = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_lines_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspection_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InspectorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByCounty = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_items_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_items_voucher_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "voucher_inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budget_charges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_charges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_charges_budget_lines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "budget_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_budget_charges_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_findings_inspection_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "inspection_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ResponsibleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rectifications_inspection_findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "inspection_findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rectification_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RectificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Attachment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectification_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rectification_steps_rectifications_RectificationId",
                        column: x => x.RectificationId,
                        principalTable: "rectifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_budget_charges_BudgetLineId",
                table: "budget_charges",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_budget_charges_CountyId_BudgetLineId",
                table: "budget_charges",
                columns: new[] { "CountyId", "BudgetLineId" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_charges_CountyId_MatterId",
                table: "budget_charges",
                columns: new[] { "CountyId", "MatterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budget_charges_CountyId_UnitId_Year",
                table: "budget_charges",
                columns: new[] { "CountyId", "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_charges_MatterId",
                table: "budget_charges",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_BudgetId_Code",
                table: "budget_lines",
                columns: new[] { "BudgetId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_CountyId_UnitId_Year_Code",
                table: "budget_lines",
                columns: new[] { "CountyId", "UnitId", "Year", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_budgets_CountyId_UnitId_Year",
                table: "budgets",
                columns: new[] { "CountyId", "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_CountyId_InspectionId",
                table: "inspection_findings",
                columns: new[] { "CountyId", "InspectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_CountyId_ItemId",
                table: "inspection_findings",
                columns: new[] { "CountyId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_ItemId",
                table: "inspection_findings",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_items_CountyId_InspectionId_Order",
                table: "inspection_items",
                columns: new[] { "CountyId", "InspectionId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_items_CountyId_InspectorId",
                table: "inspection_items",
                columns: new[] { "CountyId", "InspectorId" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_items_InspectionId",
                table: "inspection_items",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_items_MatterId",
                table: "inspection_items",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_records_category_window",
                table: "purchase_records",
                columns: new[] { "CountyId", "UnitId", "Category", "SubmittedDay", "Id", "AmountFen", "LimitFen" });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_records_supplier_window",
                table: "purchase_records",
                columns: new[] { "CountyId", "UnitId", "CounterpartyId", "SubmittedDay", "Id", "AmountFen", "LimitFen" });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_records_unit_day",
                table: "purchase_records",
                columns: new[] { "CountyId", "UnitId", "SubmittedDay" });

            migrationBuilder.CreateIndex(
                name: "IX_reception_requests_CountyId_UnitId_From",
                table: "reception_requests",
                columns: new[] { "CountyId", "UnitId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_rectification_steps_CountyId_RectificationId_Number",
                table: "rectification_steps",
                columns: new[] { "CountyId", "RectificationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rectification_steps_RectificationId",
                table: "rectification_steps",
                column: "RectificationId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_CountyId_FindingId",
                table: "rectifications",
                columns: new[] { "CountyId", "FindingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_CountyId_InspectionId",
                table: "rectifications",
                columns: new[] { "CountyId", "InspectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_CountyId_ResponsibleId",
                table: "rectifications",
                columns: new[] { "CountyId", "ResponsibleId" });

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_FindingId",
                table: "rectifications",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_red_flags_CountyId_MatterId",
                table: "red_flags",
                columns: new[] { "CountyId", "MatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_red_flags_CountyId_UnitId_RaisedAt",
                table: "red_flags",
                columns: new[] { "CountyId", "UnitId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_red_flags_MatterId",
                table: "red_flags",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_statements_CountyId_UnitId_Year_QuarterNumber_Version",
                table: "statements",
                columns: new[] { "CountyId", "UnitId", "Year", "QuarterNumber", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_voucher_inspections_CountyId_UnitId_Period",
                table: "voucher_inspections",
                columns: new[] { "CountyId", "UnitId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_charges");

            migrationBuilder.DropTable(
                name: "purchase_records");

            migrationBuilder.DropTable(
                name: "reception_requests");

            migrationBuilder.DropTable(
                name: "rectification_steps");

            migrationBuilder.DropTable(
                name: "red_flags");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "budgets");

            migrationBuilder.DropTable(
                name: "inspection_findings");

            migrationBuilder.DropTable(
                name: "inspection_items");

            migrationBuilder.DropTable(
                name: "voucher_inspections");
        }
    }
}
