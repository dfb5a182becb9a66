using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bounds_CollectiveLimit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Bounds_ForbidDisciplineMemberPortfolio = table.Column<bool>(type: "boolean", nullable: false),
                    Bounds_ForbidSingleDeputyHoldingAll = table.Column<bool>(type: "boolean", nullable: false),
                    Bounds_LawEnforcementEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Bounds_PurchaseMax = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Bounds_PurchaseMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Bounds_SmallExpenseMax = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Bounds_SmallExpenseMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => new { x.CountyId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    InitiatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiatorKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Flags = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MatterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PolicyVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Route = table.Column<string>(type: "text", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedTerms = table.Column<string>(type: "text", nullable: true),
                    Payee_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payee_PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeputyId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portfolio_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tree_heads",
                columns: table => new
                {
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    RootHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tree_heads", x => new { x.CountyId, x.TreeSize });
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matter_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    StepIndex = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExternalReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matter_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_matter_actions_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "matter_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Material = table.Column<bool>(type: "boolean", nullable: false),
                    RoundBefore = table.Column<int>(type: "integer", nullable: false),
                    RoundAfter = table.Column<int>(type: "integer", nullable: false),
                    StateBefore = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateAfter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OldAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    NewAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OldPayeeId = table.Column<Guid>(type: "uuid", nullable: true),
                    NewPayeeId = table.Column<Guid>(type: "uuid", nullable: true),
                    OldPayeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NewPayeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OldTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NewTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matter_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_matter_changes_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_CountyId_SubjectType_SubjectId",
                table: "ledger_entries",
                columns: new[] { "CountyId", "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_matter_actions_CountyId_ActorId",
                table: "matter_actions",
                columns: new[] { "CountyId", "ActorId" });

            migrationBuilder.CreateIndex(
                name: "IX_matter_actions_MatterId",
                table: "matter_actions",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_matter_changes_MatterId",
                table: "matter_changes",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_matters_CountyId_InitiatorId",
                table: "matters",
                columns: new[] { "CountyId", "InitiatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_matters_CountyId_UnitId_State",
                table: "matters",
                columns: new[] { "CountyId", "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_CountyId_UnitId",
                table: "memberships",
                columns: new[] { "CountyId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_PersonId",
                table: "memberships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_CountyId",
                table: "people",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_versions_CountyId_UnitId_Number",
                table: "policy_versions",
                columns: new[] { "CountyId", "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_portfolio_assignments_CountyId_UnitId_Area",
                table: "portfolio_assignments",
                columns: new[] { "CountyId", "UnitId", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_units_CountyId",
                table: "units",
                column: "CountyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counties");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "matter_actions");

            migrationBuilder.DropTable(
                name: "matter_changes");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "portfolio_assignments");

            migrationBuilder.DropTable(
                name: "tree_heads");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "matters");
        }
    }
}
