using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Xinke.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssetsServiceDeskEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetTypes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    KeyDeviceByDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsWorkstation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiryNoticeFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvidencePacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    RequirementIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ManifestSm3 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidencePacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidencePacks_Accounts_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidencePacks_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeArticles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    SystemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 310, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceTicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpfulVotes = table.Column<int>(type: "INTEGER", nullable: false),
                    UnhelpfulVotes = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticles_Accounts_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticles_Accounts_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LeadAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportGroups_Accounts_LeadAccountId",
                        column: x => x.LeadAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketCategories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketCategories_TicketCategories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "TicketCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TypeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Make = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PurchaseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PurchasePrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Campus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Building = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Floor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Rack = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RackUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OwningDepartmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponsiblePersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    IsKeyDevice = table.Column<bool>(type: "INTEGER", nullable: false),
                    DesignatedLocation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HoldsData = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hostname = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    MacAddress = table.Column<string>(type: "TEXT", maxLength: 17, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_Accounts_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assets_AssetTypes_TypeId",
                        column: x => x.TypeId,
                        principalTable: "AssetTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assets_Departments_OwningDepartmentId",
                        column: x => x.OwningDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceDocumentRequirements",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequirementId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceDocumentRequirements", x => new { x.DocumentId, x.RequirementId });
                    table.ForeignKey(
                        name: "FK_EvidenceDocumentRequirements_EvidenceDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "EvidenceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 310, nullable: true),
                    EditedById = table.Column<long>(type: "INTEGER", nullable: true),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeRevisions_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    VotedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeVotes_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnowledgeVotes_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportGroupMembers", x => new { x.GroupId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_SupportGroupMembers_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportGroupMembers_SupportGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SupportGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    SystemId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AroundTheClock = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_TicketCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "TicketCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetAppraisals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraiserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetAppraisals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetAppraisals_Accounts_AppraiserId",
                        column: x => x.AppraiserId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetAppraisals_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ActorAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    RefKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RefId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetEvents_Accounts_ActorAccountId",
                        column: x => x.ActorAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetEvents_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetRepairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Fault = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VendorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VendorEngineer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Parts = table.Column<string>(type: "TEXT", nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreviousStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: false),
                    LoanId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetRepairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetRepairs_Accounts_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetRepairs_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReporterPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReporterAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    FiledByAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    SystemId = table.Column<long>(type: "INTEGER", nullable: true),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    AssigneeAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PendingReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolvedByAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedByReporter = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaPolicyId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResponseBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    SlaWarnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaEscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tickets_Accounts_AssigneeAccountId",
                        column: x => x.AssigneeAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Accounts_FiledByAccountId",
                        column: x => x.FiledByAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Accounts_ReporterAccountId",
                        column: x => x.ReporterAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_SlaPolicies_SlaPolicyId",
                        column: x => x.SlaPolicyId,
                        principalTable: "SlaPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_SupportGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SupportGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_TicketCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "TicketCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetScrappings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisalId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedById = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ApprovalId = table.Column<long>(type: "INTEGER", nullable: true),
                    DisposalMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataDestructionMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataDestroyedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataDestroyedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CertificateAttachmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetScrappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Accounts_CompletedById",
                        column: x => x.CompletedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Accounts_StartedById",
                        column: x => x.StartedById,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_ApprovalRequests_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_AssetAppraisals_AppraisalId",
                        column: x => x.AppraisalId,
                        principalTable: "AssetAppraisals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetScrappings_Attachments_CertificateAttachmentId",
                        column: x => x.CertificateAttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketAssets",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketAssets", x => new { x.TicketId, x.AssetId });
                    table.ForeignKey(
                        name: "FK_TicketAssets_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Internal = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketComments_Accounts_AuthorAccountId",
                        column: x => x.AuthorAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketComments_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    AssigneeAccountId = table.Column<long>(type: "INTEGER", nullable: true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActorAccountId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketStatusChanges_Accounts_ActorAccountId",
                        column: x => x.ActorAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketStatusChanges_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AssetTypes",
                columns: new[] { "Id", "Active", "BuiltIn", "Code", "IsWorkstation", "KeyDeviceByDefault", "NameEn", "NameZh", "Version" },
                values: new object[,]
                {
                    { 1L, true, true, "server", false, true, "Server", "服务器", 1L },
                    { 2L, true, true, "storage", false, true, "Storage", "存储设备", 1L },
                    { 3L, true, true, "switch", false, true, "Switch", "交换机", 1L },
                    { 4L, true, true, "router", false, true, "Router", "路由器", 1L },
                    { 5L, true, true, "firewall", false, true, "Firewall", "防火墙", 1L },
                    { 6L, true, true, "pc", true, false, "PC", "台式计算机", 1L },
                    { 7L, true, true, "laptop", true, false, "Laptop", "笔记本电脑", 1L },
                    { 8L, true, true, "printer", false, false, "Printer", "打印机", 1L },
                    { 9L, true, true, "scanner", false, false, "Scanner", "扫描仪", 1L },
                    { 10L, true, true, "terminal", true, false, "Terminal", "终端", 1L },
                    { 11L, true, true, "ups", false, false, "UPS", "UPS电源", 1L },
                    { 12L, true, true, "medical-gateway", false, false, "Medical-device gateway", "医疗设备网关", 1L },
                    { 13L, true, true, "other", false, false, "Other", "其他", 1L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssetAppraisals_AppraiserId",
                table: "AssetAppraisals",
                column: "AppraiserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetAppraisals_AssetId_Id",
                table: "AssetAppraisals",
                columns: new[] { "AssetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetEvents_ActorAccountId",
                table: "AssetEvents",
                column: "ActorAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetEvents_AssetId_At_Id",
                table: "AssetEvents",
                columns: new[] { "AssetId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetEvents_RefKind_RefId",
                table: "AssetEvents",
                columns: new[] { "RefKind", "RefId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRepairs_AssetId_Id",
                table: "AssetRepairs",
                columns: new[] { "AssetId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRepairs_FinishedAt_Id",
                table: "AssetRepairs",
                columns: new[] { "FinishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetRepairs_RecordedById",
                table: "AssetRepairs",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_CreatedById",
                table: "Assets",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Hostname",
                table: "Assets",
                column: "Hostname");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_OwningDepartmentId_Id",
                table: "Assets",
                columns: new[] { "OwningDepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ResponsiblePersonId",
                table: "Assets",
                column: "ResponsiblePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Serial",
                table: "Assets",
                column: "Serial");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Status_Id",
                table: "Assets",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Tag",
                table: "Assets",
                column: "Tag",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_TypeId_Id",
                table: "Assets",
                columns: new[] { "TypeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_AppraisalId",
                table: "AssetScrappings",
                column: "AppraisalId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_ApprovalId",
                table: "AssetScrappings",
                column: "ApprovalId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_AssetId_Status",
                table: "AssetScrappings",
                columns: new[] { "AssetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_CertificateAttachmentId",
                table: "AssetScrappings",
                column: "CertificateAttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_CompletedById",
                table: "AssetScrappings",
                column: "CompletedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_StartedById",
                table: "AssetScrappings",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_AssetScrappings_Status_CompletedAt",
                table: "AssetScrappings",
                columns: new[] { "Status", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetTypes_Code",
                table: "AssetTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceDocumentRequirements_RequirementId",
                table: "EvidenceDocumentRequirements",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceDocuments_Code",
                table: "EvidenceDocuments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceDocuments_ExpiresOn",
                table: "EvidenceDocuments",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_EvidencePacks_DepartmentId",
                table: "EvidencePacks",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidencePacks_RequestedById",
                table: "EvidencePacks",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_EvidencePacks_Status_ExpiresAt",
                table: "EvidencePacks",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_AuthorId",
                table: "KnowledgeArticles",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_Code",
                table: "KnowledgeArticles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_ReviewerId",
                table: "KnowledgeArticles",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_SourceTicketId",
                table: "KnowledgeArticles",
                column: "SourceTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_Status_PublishedAt",
                table: "KnowledgeArticles",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_SystemId",
                table: "KnowledgeArticles",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeRevisions_ArticleId_Number",
                table: "KnowledgeRevisions",
                columns: new[] { "ArticleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeVotes_AccountId",
                table: "KnowledgeVotes",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeVotes_ArticleId_AccountId",
                table: "KnowledgeVotes",
                columns: new[] { "ArticleId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CategoryId",
                table: "SlaPolicies",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Priority_Active",
                table: "SlaPolicies",
                columns: new[] { "Priority", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportGroupMembers_AccountId",
                table: "SupportGroupMembers",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportGroups_LeadAccountId",
                table: "SupportGroups",
                column: "LeadAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportGroups_NameZh",
                table: "SupportGroups",
                column: "NameZh",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketAssets_AssetId",
                table: "TicketAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketCategories_ParentId_NameZh",
                table: "TicketCategories",
                columns: new[] { "ParentId", "NameZh" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketCategories_Path",
                table: "TicketCategories",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_TicketComments_AuthorAccountId",
                table: "TicketComments",
                column: "AuthorAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketComments_TicketId_Id",
                table: "TicketComments",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeAccountId_Status",
                table: "Tickets",
                columns: new[] { "AssigneeAccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CategoryId",
                table: "Tickets",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Code",
                table: "Tickets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CreatedAt",
                table: "Tickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_DepartmentId_Id",
                table: "Tickets",
                columns: new[] { "DepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FiledByAccountId",
                table: "Tickets",
                column: "FiledByAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId",
                table: "Tickets",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ReporterAccountId_Id",
                table: "Tickets",
                columns: new[] { "ReporterAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaPolicyId",
                table: "Tickets",
                column: "SlaPolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SourceKind_SourceId",
                table: "Tickets",
                columns: new[] { "SourceKind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_Id",
                table: "Tickets",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ResolutionDueAt",
                table: "Tickets",
                columns: new[] { "Status", "ResolutionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SystemId_Id",
                table: "Tickets",
                columns: new[] { "SystemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketStatusChanges_ActorAccountId",
                table: "TicketStatusChanges",
                column: "ActorAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketStatusChanges_TicketId_Id",
                table: "TicketStatusChanges",
                columns: new[] { "TicketId", "Id" });

            // The knowledge base's trigram search (FTS5 external-content table over KnowledgeArticles.SearchText),
            // kept in step by triggers so every write, in whatever transaction, updates it. EF cannot describe it.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "KnowledgeSearch" USING fts5("SearchText", content='KnowledgeArticles', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "KnowledgeArticles_search_insert" AFTER INSERT ON "KnowledgeArticles" BEGIN
                    INSERT INTO "KnowledgeSearch" (rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "KnowledgeArticles_search_delete" AFTER DELETE ON "KnowledgeArticles" BEGIN
                    INSERT INTO "KnowledgeSearch" ("KnowledgeSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "KnowledgeArticles_search_update" AFTER UPDATE OF "SearchText" ON "KnowledgeArticles" BEGIN
                    INSERT INTO "KnowledgeSearch" ("KnowledgeSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                    INSERT INTO "KnowledgeSearch" (rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "KnowledgeArticles_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "KnowledgeArticles_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "KnowledgeArticles_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "KnowledgeSearch";""");

            migrationBuilder.DropTable(
                name: "AssetEvents");

            migrationBuilder.DropTable(
                name: "AssetRepairs");

            migrationBuilder.DropTable(
                name: "AssetScrappings");

            migrationBuilder.DropTable(
                name: "EvidenceDocumentRequirements");

            migrationBuilder.DropTable(
                name: "EvidencePacks");

            migrationBuilder.DropTable(
                name: "KnowledgeRevisions");

            migrationBuilder.DropTable(
                name: "KnowledgeVotes");

            migrationBuilder.DropTable(
                name: "SupportGroupMembers");

            migrationBuilder.DropTable(
                name: "TicketAssets");

            migrationBuilder.DropTable(
                name: "TicketComments");

            migrationBuilder.DropTable(
                name: "TicketStatusChanges");

            migrationBuilder.DropTable(
                name: "AssetAppraisals");

            migrationBuilder.DropTable(
                name: "EvidenceDocuments");

            migrationBuilder.DropTable(
                name: "KnowledgeArticles");

            migrationBuilder.DropTable(
                name: "Tickets");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "SupportGroups");

            migrationBuilder.DropTable(
                name: "AssetTypes");

            migrationBuilder.DropTable(
                name: "TicketCategories");
        }
    }
}
