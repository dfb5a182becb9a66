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
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploaderId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "checkpoint_cosignatures",
                columns: table => new
                {
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    Witness = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Line = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoint_cosignatures", x => new { x.CountyId, x.TreeSize, x.Witness });
                });

            migrationBuilder.CreateTable(
                name: "counterparties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Identifier = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterparties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "counties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisciplineInspectionId = table.Column<Guid>(type: "uuid", nullable: true),
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
                name: "county_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_county_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DelegatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DelegateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Areas = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "income",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Voucher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_income", x => x.Id);
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
                name: "ledger_tiles",
                columns: table => new
                {
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Hashes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_tiles", x => new { x.CountyId, x.Level, x.Index });
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
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PayeeRelatives = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PolicyVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Route = table.Column<string>(type: "text", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedTerms = table.Column<string>(type: "text", nullable: true),
                    Payee_CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
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
                name: "reception_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Letter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SendingOffice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Guests = table.Column<string>(type: "text", nullable: false),
                    Staff = table.Column<string>(type: "text", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reception_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sign_ins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_ins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tree_heads",
                columns: table => new
                {
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    RootHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    Checkpoint = table.Column<string>(type: "text", nullable: true)
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
                name: "voucher_inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    SeedTreeSize = table.Column<long>(type: "bigint", nullable: false),
                    SeedRoot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeedSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SeedWitnesses = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PopulationCount = table.Column<int>(type: "integer", nullable: false),
                    PopulationTotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: false),
                    AlwaysAbove = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DrawnBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "county_decision_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "text", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_county_decision_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_county_decision_rules_counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_claim_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_claim_lines_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    OnBehalfOf = table.Column<Guid>(type: "uuid", nullable: true),
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
                    OldPayeeCounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    NewPayeeCounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    NewPayeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OldTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NewTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OldItemCode = table.Column<string>(type: "text", nullable: true),
                    NewItemCode = table.Column<string>(type: "text", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Payee_CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Payee_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payee_PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vouchers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InvoiceCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vouchers_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "counterparty_ties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterparty_ties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_counterparty_ties_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_counterparty_ties_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    TextKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    TextArgs = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_people_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "relative_declarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relative_declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_relative_declarations_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_relative_declarations_people_RelativeId",
                        column: x => x.RelativeId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "approval_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsMajor = table.Column<bool>(type: "boolean", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FollowUpCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    ApplicantContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdentityCheck = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentsText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RoundStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CorrectionAsked = table.Column<bool>(type: "boolean", nullable: false),
                    MissingText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HandlerId = table.Column<Guid>(type: "uuid", nullable: true),
                    StepIndex = table.Column<int>(type: "integer", nullable: false),
                    StepStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptanceWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    PromisedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    StepsText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FeeYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    FeeCharged = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    DecisionText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_applications_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "efficiency_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HotlineOrder = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FollowUpCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ComplainantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AboutId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EnteredById = table.Column<Guid>(type: "uuid", nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HandlerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_efficiency_complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_efficiency_complaints_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rules = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequestedEffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_proposals_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InspectorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByCounty = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "approval_application_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Pause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_application_events_approval_applications_Applicati~",
                        column: x => x.ApplicationId,
                        principalTable: "approval_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    AbsenceReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_attendance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsPrincipal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_members_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_minutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "uuid", nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    DrawnUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_minutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_meeting_minutes_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "meeting_minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: true),
                    PolicyProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    InitiatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ConcernedPersonIds = table.Column<string>(type: "text", nullable: false),
                    PayeeRelatives = table.Column<string>(type: "text", nullable: false),
                    DocumentReferences = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Payee_CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Payee_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payee_PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_items_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_items_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_items_policy_proposals_PolicyProposalId",
                        column: x => x.PolicyProposalId,
                        principalTable: "policy_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_proposal_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorAccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_proposal_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_proposal_steps_policy_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "policy_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_versions_policy_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "policy_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "meeting_minutes_missing_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_minutes_missing_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_missing_signatures_meeting_minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "meeting_minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_minutes_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Objection = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_minutes_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_minutes_signatures_meeting_minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "meeting_minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_opinions_meeting_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_opinions_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MatterActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Payee_CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Payee_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payee_PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_outcomes_matter_actions_MatterActionId",
                        column: x => x.MatterActionId,
                        principalTable: "matter_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_outcomes_meeting_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_outcomes_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_recusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ground = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_recusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_recusals_meeting_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_recusals_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResponsibleId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RectificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Attachment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    By = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_api_tokens_CountyId_PersonId",
                table: "api_tokens",
                columns: new[] { "CountyId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_SecretHash",
                table: "api_tokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_application_events_ApplicationId",
                table: "approval_application_events",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_approval_applications_CountyId_UnitId_State",
                table: "approval_applications",
                columns: new[] { "CountyId", "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_applications_ReceiptNumber",
                table: "approval_applications",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_applications_UnitId",
                table: "approval_applications",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_attachments_ContentHash",
                table: "attachments",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_attachments_CountyId_MatterId",
                table: "attachments",
                columns: new[] { "CountyId", "MatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_claim_lines_CountyId_MatterId_Number",
                table: "claim_lines",
                columns: new[] { "CountyId", "MatterId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_claim_lines_MatterId",
                table: "claim_lines",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_CountyId_Identifier",
                table: "counterparties",
                columns: new[] { "CountyId", "Identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_CountyId_Name",
                table: "counterparties",
                columns: new[] { "CountyId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_counterparty_ties_CounterpartyId",
                table: "counterparty_ties",
                column: "CounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_counterparty_ties_CountyId_CounterpartyId_PersonId",
                table: "counterparty_ties",
                columns: new[] { "CountyId", "CounterpartyId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_counterparty_ties_CountyId_PersonId",
                table: "counterparty_ties",
                columns: new[] { "CountyId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_counterparty_ties_PersonId",
                table: "counterparty_ties",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_county_changes_CountyId_Subject_SubjectId_Number",
                table: "county_changes",
                columns: new[] { "CountyId", "Subject", "SubjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_county_decision_rules_CountyId_Version",
                table: "county_decision_rules",
                columns: new[] { "CountyId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_delegations_CountyId_DelegateId",
                table: "delegations",
                columns: new[] { "CountyId", "DelegateId" });

            migrationBuilder.CreateIndex(
                name: "IX_delegations_CountyId_UnitId_DelegatorId",
                table: "delegations",
                columns: new[] { "CountyId", "UnitId", "DelegatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_efficiency_complaints_ApplicationId",
                table: "efficiency_complaints",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_efficiency_complaints_CountyId_HandlerId",
                table: "efficiency_complaints",
                columns: new[] { "CountyId", "HandlerId" });

            migrationBuilder.CreateIndex(
                name: "IX_efficiency_complaints_CountyId_UnitId",
                table: "efficiency_complaints",
                columns: new[] { "CountyId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_efficiency_complaints_ReceiptNumber",
                table: "efficiency_complaints",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_efficiency_complaints_UnitId",
                table: "efficiency_complaints",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_income_CountyId_UnitId_ReceivedOn",
                table: "income",
                columns: new[] { "CountyId", "UnitId", "ReceivedOn" });

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
                name: "IX_ledger_entries_CountyId_SubjectType_SubjectId",
                table: "ledger_entries",
                columns: new[] { "CountyId", "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_matter_actions_CountyId_ActorId_MatterId",
                table: "matter_actions",
                columns: new[] { "CountyId", "ActorId", "MatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_matter_actions_MatterId",
                table: "matter_actions",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_matter_changes_MatterId",
                table: "matter_changes",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_matters_CountyId_InitiatorId_Id",
                table: "matters",
                columns: new[] { "CountyId", "InitiatorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_matters_CountyId_UnitId_Id",
                table: "matters",
                columns: new[] { "CountyId", "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_matters_CountyId_UnitId_State",
                table: "matters",
                columns: new[] { "CountyId", "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendance_MeetingId_PersonId",
                table: "meeting_attendance",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_items_CountyId_MatterId",
                table: "meeting_items",
                columns: new[] { "CountyId", "MatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_items_MatterId",
                table: "meeting_items",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_items_MeetingId_Number",
                table: "meeting_items",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_items_PolicyProposalId",
                table: "meeting_items",
                column: "PolicyProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_members_CountyId_PersonId",
                table: "meeting_members",
                columns: new[] { "CountyId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_members_MeetingId_PersonId",
                table: "meeting_members",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_minutes_MeetingId_Version",
                table: "meeting_minutes",
                columns: new[] { "MeetingId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_minutes_SupersedesId",
                table: "meeting_minutes",
                column: "SupersedesId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_minutes_missing_signatures_MinutesId_PersonId",
                table: "meeting_minutes_missing_signatures",
                columns: new[] { "MinutesId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_minutes_signatures_MinutesId_PersonId",
                table: "meeting_minutes_signatures",
                columns: new[] { "MinutesId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_opinions_AgendaItemId_PersonId",
                table: "meeting_opinions",
                columns: new[] { "AgendaItemId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_opinions_AgendaItemId_Sequence",
                table: "meeting_opinions",
                columns: new[] { "AgendaItemId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_opinions_MeetingId",
                table: "meeting_opinions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_outcomes_AgendaItemId",
                table: "meeting_outcomes",
                column: "AgendaItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_outcomes_MatterActionId",
                table: "meeting_outcomes",
                column: "MatterActionId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_outcomes_MeetingId",
                table: "meeting_outcomes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_recusals_AgendaItemId_PersonId",
                table: "meeting_recusals",
                columns: new[] { "AgendaItemId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_recusals_MeetingId",
                table: "meeting_recusals",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_CountyId_UnitId_State",
                table: "meetings",
                columns: new[] { "CountyId", "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_UnitId",
                table: "meetings",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_CountyId_UnitId",
                table: "memberships",
                columns: new[] { "CountyId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_memberships_PersonId",
                table: "memberships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_CountyId_RecipientId_ReadAt",
                table: "notifications",
                columns: new[] { "CountyId", "RecipientId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientId",
                table: "notifications",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_CountyId_MatterId",
                table: "payments",
                columns: new[] { "CountyId", "MatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_CountyId_UnitId_PaidOn",
                table: "payments",
                columns: new[] { "CountyId", "UnitId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_MatterId",
                table: "payments",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_people_CountyId",
                table: "people",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_proposal_steps_ProposalId_Sequence",
                table: "policy_proposal_steps",
                columns: new[] { "ProposalId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_proposals_CountyId_UnitId",
                table: "policy_proposals",
                columns: new[] { "CountyId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_policy_proposals_UnitId",
                table: "policy_proposals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_versions_CountyId_UnitId_Number",
                table: "policy_versions",
                columns: new[] { "CountyId", "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_versions_ProposalId",
                table: "policy_versions",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_portfolio_assignments_CountyId_UnitId_Area",
                table: "portfolio_assignments",
                columns: new[] { "CountyId", "UnitId", "Area" });

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
                name: "IX_relative_declarations_CountyId_PersonId_RelativeId",
                table: "relative_declarations",
                columns: new[] { "CountyId", "PersonId", "RelativeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relative_declarations_CountyId_RelativeId",
                table: "relative_declarations",
                columns: new[] { "CountyId", "RelativeId" });

            migrationBuilder.CreateIndex(
                name: "IX_relative_declarations_PersonId",
                table: "relative_declarations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_relative_declarations_RelativeId",
                table: "relative_declarations",
                column: "RelativeId");

            migrationBuilder.CreateIndex(
                name: "IX_sign_ins_CountyId_PersonId",
                table: "sign_ins",
                columns: new[] { "CountyId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_units_CountyId",
                table: "units",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_voucher_inspections_CountyId_UnitId_Period",
                table: "voucher_inspections",
                columns: new[] { "CountyId", "UnitId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_CountyId_Key",
                table: "vouchers",
                columns: new[] { "CountyId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_CountyId_MatterId",
                table: "vouchers",
                columns: new[] { "CountyId", "MatterId" });

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_MatterId",
                table: "vouchers",
                column: "MatterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "approval_application_events");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "checkpoint_cosignatures");

            migrationBuilder.DropTable(
                name: "claim_lines");

            migrationBuilder.DropTable(
                name: "counterparty_ties");

            migrationBuilder.DropTable(
                name: "county_changes");

            migrationBuilder.DropTable(
                name: "county_decision_rules");

            migrationBuilder.DropTable(
                name: "delegations");

            migrationBuilder.DropTable(
                name: "efficiency_complaints");

            migrationBuilder.DropTable(
                name: "income");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "ledger_tiles");

            migrationBuilder.DropTable(
                name: "matter_changes");

            migrationBuilder.DropTable(
                name: "meeting_attendance");

            migrationBuilder.DropTable(
                name: "meeting_members");

            migrationBuilder.DropTable(
                name: "meeting_minutes_missing_signatures");

            migrationBuilder.DropTable(
                name: "meeting_minutes_signatures");

            migrationBuilder.DropTable(
                name: "meeting_opinions");

            migrationBuilder.DropTable(
                name: "meeting_outcomes");

            migrationBuilder.DropTable(
                name: "meeting_recusals");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "policy_proposal_steps");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "portfolio_assignments");

            migrationBuilder.DropTable(
                name: "reception_requests");

            migrationBuilder.DropTable(
                name: "rectification_steps");

            migrationBuilder.DropTable(
                name: "relative_declarations");

            migrationBuilder.DropTable(
                name: "sign_ins");

            migrationBuilder.DropTable(
                name: "tree_heads");

            migrationBuilder.DropTable(
                name: "vouchers");

            migrationBuilder.DropTable(
                name: "approval_applications");

            migrationBuilder.DropTable(
                name: "counterparties");

            migrationBuilder.DropTable(
                name: "counties");

            migrationBuilder.DropTable(
                name: "meeting_minutes");

            migrationBuilder.DropTable(
                name: "matter_actions");

            migrationBuilder.DropTable(
                name: "meeting_items");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "policy_proposals");

            migrationBuilder.DropTable(
                name: "inspection_findings");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "inspection_items");

            migrationBuilder.DropTable(
                name: "matters");

            migrationBuilder.DropTable(
                name: "voucher_inspections");
        }
    }
}
