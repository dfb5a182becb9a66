using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fenquan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConstructionProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "construction_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalMatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Township = table.Column<bool>(type: "INTEGER", nullable: false),
                    VariationShare = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressShare = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TenderOfficeReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DistrictGuidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TenderedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvaluationReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RankedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeWhere = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContractorMatterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChosenBidId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChoiceReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContractReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContractAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ContractorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorksFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorksUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RetentionRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WarrantyMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptanceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuditedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    AuditedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuditReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_construction_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_construction_projects_matters_ProposalMatterId",
                        column: x => x.ProposalMatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "construction_bids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_construction_bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_construction_bids_construction_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "construction_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "construction_variations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BeyondShare = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_construction_variations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_construction_variations_construction_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "construction_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_construction_variations_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_construction_bids_ProjectId_BidderId",
                table: "construction_bids",
                columns: new[] { "ProjectId", "BidderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_construction_projects_CountyId_ContractorMatterId",
                table: "construction_projects",
                columns: new[] { "CountyId", "ContractorMatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_construction_projects_CountyId_ProposalMatterId",
                table: "construction_projects",
                columns: new[] { "CountyId", "ProposalMatterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_construction_projects_CountyId_UnitId",
                table: "construction_projects",
                columns: new[] { "CountyId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_construction_projects_ProposalMatterId",
                table: "construction_projects",
                column: "ProposalMatterId");

            migrationBuilder.CreateIndex(
                name: "IX_construction_variations_CountyId_MatterId",
                table: "construction_variations",
                columns: new[] { "CountyId", "MatterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_construction_variations_MatterId",
                table: "construction_variations",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_construction_variations_ProjectId",
                table: "construction_variations",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "construction_bids");

            migrationBuilder.DropTable(
                name: "construction_variations");

            migrationBuilder.DropTable(
                name: "construction_projects");
        }
    }
}
