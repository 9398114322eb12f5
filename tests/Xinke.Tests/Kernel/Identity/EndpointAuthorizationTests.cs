using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>
/// Every endpoint the app maps is protected, and the authorization matrix (each built-in role
/// against each API endpoint) is generated from the endpoint list: a module's new endpoint fails
/// here until it is given an expectation in <see cref="Expected"/>.
/// </summary>
public sealed class EndpointAuthorizationTests() : IdentityTest(DatabaseKind.Sqlite)
{
    private const string Login = "POST /api/v1/session";
    private const string ApiFallback = "* /api/{**path}";

    private static readonly string[] Everyone = All;

    private static readonly string[] PeopleReaders = [SysAdmin, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];

    private static readonly string[] ImprovementReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];

    private static readonly string[] ChecklistReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];

    private static readonly string[] ChecklistRunners = [ItDirector, ItEngineer, DutyOperator];
    private static readonly string[] ObligationReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];
    private static readonly string[] SystemReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];
    private static readonly string[] LeadershipReaders = [ItDirector, ItEngineer, Leadership, Reviewer];
    private static readonly string[] PostReaders = [ItDirector, ItEngineer, DutyOperator, Leadership, Reviewer];
    private static readonly string[] AssetReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];
    private static readonly string[] Borrowers = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Staff, Leadership, Reviewer];
    private static readonly string[] StaffReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer];
    private static readonly string[] TicketReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Staff, Leadership, Reviewer];
    private static readonly string[] TicketFilers = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Staff];
    private static readonly string[] TicketWorkers = [ItDirector, ItEngineer, DutyOperator];
    private static readonly string[] KnowledgeReaders = [ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Staff, Leadership, Reviewer];
    private static readonly string[] KnowledgeWriters = [ItDirector, ItEngineer];
    private static readonly string[] ServiceDeskReporters = [ItDirector, ItEngineer, Leadership, Reviewer];

    /// <summary>The pages a signed-out person may reach: the log-in flow and the shell around it.</summary>
    private static readonly string[] AnonymousPages = ["/account/login", "/culture", "/error", "/status/{code:int}"];

    /// <summary>Who may call what. Each new API endpoint must be added here.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["DELETE /api/v1/session"] = Everyone,
        ["GET /api/v1/me"] = Everyone,
        ["GET /api/v1/requirements"] = Everyone,
        ["GET /api/v1/compliance/frameworks"] = Everyone,
        ["GET /api/v1/compliance/requirements"] = Everyone,
        ["GET /api/v1/notifications"] = Everyone,
        ["GET /api/v1/notifications/unread-count"] = Everyone,
        ["POST /api/v1/notifications/{id:long}/read"] = Everyone,
        ["POST /api/v1/notifications/read-all"] = Everyone,
        ["GET /api/v1/me/notification-settings"] = Everyone,
        ["PUT /api/v1/me/notification-settings"] = Everyone,
        ["GET /api/v1/notifications/outbox"] = [SysAdmin],
        ["POST /api/v1/notifications/outbox/{id:long}/retry"] = [SysAdmin],
        ["GET /api/v1/evidence"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/compliance/status"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/evidence-documents"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/evidence-documents/export"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/evidence-documents/{id:long}"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["POST /api/v1/evidence-documents"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/evidence-documents/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/compliance/frameworks"] = [ItDirector],
        ["GET /api/v1/compliance/frameworks/{code}/requirements/{id}/thresholds"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["PATCH /api/v1/compliance/frameworks/{code}/requirements/{id}/thresholds"] = [ItDirector],
        ["GET /api/v1/compliance/inspections"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/compliance/inspections/export"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/compliance/inspections/{id:long}"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["POST /api/v1/compliance/inspections"] = [ItDirector, Leadership],
        ["POST /api/v1/compliance/inspections/{id:long}/record"] = [ItDirector, Leadership],
        ["POST /api/v1/compliance/inspections/{id:long}/follow-ups"] = [ItDirector, Leadership],
        ["POST /api/v1/compliance/inspections/{id:long}/review"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/evidence-packs"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["POST /api/v1/evidence-packs"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/evidence-packs/{id:long}"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["GET /api/v1/evidence-packs/{id:long}/download"] = [ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer],
        ["POST /api/v1/me/password"] = Everyone,
        ["POST /api/v1/me/mfa/totp"] = Everyone,
        ["POST /api/v1/me/mfa/totp/confirm"] = Everyone,
        ["GET /api/v1/me/tokens"] = Everyone,
        ["POST /api/v1/me/tokens"] = Everyone,
        ["DELETE /api/v1/me/tokens/{id:long}"] = Everyone,
        ["GET /api/v1/users"] = [SysAdmin, SecAdmin, ItDirector],
        ["GET /api/v1/users/{id:long}"] = [SysAdmin, SecAdmin, ItDirector],
        ["POST /api/v1/users"] = [SysAdmin],
        ["POST /api/v1/users/{id:long}/activate"] = [SysAdmin],
        ["POST /api/v1/users/{id:long}/disable"] = [SysAdmin],
        ["POST /api/v1/users/{id:long}/enable"] = [SysAdmin],
        ["POST /api/v1/users/{id:long}/unlock"] = [SysAdmin],
        ["POST /api/v1/users/{id:long}/reset-password"] = [SysAdmin],
        ["POST /api/v1/users/{id:long}/rename"] = [SysAdmin],
        ["PUT /api/v1/users/{id:long}/roles"] = [SecAdmin],
        ["GET /api/v1/roles"] = [SysAdmin, SecAdmin, ItDirector],
        ["POST /api/v1/roles"] = [SecAdmin],
        ["GET /api/v1/departments"] = [.. Everyone.Except([AuditAdmin])],
        ["POST /api/v1/departments"] = [SysAdmin],
        ["GET /api/v1/departments/contacts"] = PeopleReaders,
        ["PUT /api/v1/departments/{id:long}/contacts"] = [ItDirector],
        ["GET /api/v1/people"] = PeopleReaders,
        ["GET /api/v1/people/export"] = PeopleReaders,
        ["GET /api/v1/people/{id:long}"] = PeopleReaders,
        ["POST /api/v1/people"] = [ItDirector, ItEngineer, DeptLiaison],
        ["PATCH /api/v1/people/{id:long}"] = [ItDirector, ItEngineer, DeptLiaison],
        ["POST /api/v1/people/{id:long}/status"] = [ItDirector, ItEngineer, DeptLiaison],
        ["POST /api/v1/people/import"] = [ItDirector, ItEngineer],
        ["GET /api/v1/people/import/template"] = [ItDirector, ItEngineer],
        ["GET /api/v1/audit/events"] = [AuditAdmin],
        ["GET /api/v1/audit/events/{sequence:long}"] = [AuditAdmin],
        ["GET /api/v1/audit/events/export"] = [AuditAdmin],
        ["GET /api/v1/audit/verify"] = [AuditAdmin],
        ["GET /api/v1/audit/public-key"] = [AuditAdmin],
        ["GET /api/v1/calendar/years"] = [ItDirector, ItEngineer, DutyOperator, Leadership, Reviewer],
        ["PUT /api/v1/calendar/years/{year:int}"] = [ItDirector],
        ["GET /api/v1/leadership/members"] = LeadershipReaders,
        ["POST /api/v1/leadership/members"] = [ItDirector],
        ["POST /api/v1/leadership/members/{id:long}/end"] = [ItDirector],
        ["GET /api/v1/leadership/meetings"] = LeadershipReaders,
        ["GET /api/v1/leadership/meetings/export"] = LeadershipReaders,
        ["GET /api/v1/leadership/meetings/{id:long}"] = LeadershipReaders,
        ["POST /api/v1/leadership/meetings"] = [ItDirector],
        ["PATCH /api/v1/leadership/meetings/{id:long}"] = [ItDirector],
        ["POST /api/v1/leadership/meetings/{id:long}/publish"] = [ItDirector],
        ["POST /api/v1/leadership/meetings/{id:long}/decisions"] = [ItDirector],
        ["GET /api/v1/leadership/decisions"] = LeadershipReaders,
        ["GET /api/v1/leadership/decisions/export"] = LeadershipReaders,
        ["GET /api/v1/posts"] = PostReaders,
        ["GET /api/v1/posts/export"] = PostReaders,
        ["GET /api/v1/posts/{id:long}"] = PostReaders,
        ["GET /api/v1/posts/it-staff"] = PostReaders,
        ["POST /api/v1/posts"] = [ItDirector],
        ["PATCH /api/v1/posts/{id:long}"] = [ItDirector],
        ["POST /api/v1/posts/{id:long}/retire"] = [ItDirector],
        ["POST /api/v1/posts/{id:long}/holders"] = [ItDirector],
        ["POST /api/v1/posts/holders/{holderId:long}/end"] = [ItDirector],
        ["GET /api/v1/improvements"] = ImprovementReaders,
        ["GET /api/v1/improvements/export"] = ImprovementReaders,
        ["GET /api/v1/improvements/{id:long}"] = ImprovementReaders,
        ["POST /api/v1/improvements"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/improvements/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/improvements/{id:long}/start"] = ImprovementReaders,
        ["POST /api/v1/improvements/{id:long}/submit"] = ImprovementReaders,
        ["POST /api/v1/improvements/{id:long}/verify"] = [ItDirector],
        ["POST /api/v1/improvements/{id:long}/reopen"] = [ItDirector],
        ["POST /api/v1/improvements/{id:long}/cancel"] = [ItDirector],
        ["GET /api/v1/checklist-templates"] = ChecklistReaders,
        ["GET /api/v1/checklist-templates/{id:long}"] = ChecklistReaders,
        ["POST /api/v1/checklist-templates"] = [ItDirector],
        ["PATCH /api/v1/checklist-templates/{id:long}"] = [ItDirector],
        ["GET /api/v1/checklist-runs"] = ChecklistReaders,
        ["GET /api/v1/checklist-runs/export"] = ChecklistReaders,
        ["GET /api/v1/checklist-runs/{id:long}"] = ChecklistReaders,
        ["POST /api/v1/checklist-runs"] = ChecklistRunners,
        ["POST /api/v1/checklist-runs/{id:long}/readings"] = ChecklistRunners,
        ["POST /api/v1/checklist-runs/{id:long}/complete"] = ChecklistRunners,
        ["GET /api/v1/approvals"] = Everyone,
        ["GET /api/v1/approvals/{id:long}"] = Everyone,
        ["POST /api/v1/approvals/{id:long}/approve"] = Everyone,
        ["POST /api/v1/approvals/{id:long}/reject"] = Everyone,
        ["POST /api/v1/approvals/{id:long}/withdraw"] = Everyone,
        ["GET /api/v1/approval-policies"] = [ItDirector, ItEngineer, Leadership],
        ["GET /api/v1/approval-policies/{kind}"] = [ItDirector, ItEngineer, Leadership],
        ["PUT /api/v1/approval-policies/{kind}"] = [ItDirector],

        // Attachments: any signed-in caller; the owner type's policy decides per record (404 outside it).
        ["POST /api/v1/attachments"] = Everyone,
        ["GET /api/v1/attachments"] = Everyone,
        ["GET /api/v1/attachments/{id:long}"] = Everyone,
        ["GET /api/v1/attachments/{id:long}/content"] = Everyone,
        ["POST /api/v1/attachments/{id:long}/void"] = Everyone,
        ["GET /api/v1/obligations"] = ObligationReaders,
        ["POST /api/v1/obligations"] = [ItDirector],
        ["GET /api/v1/obligations/export"] = ObligationReaders,
        ["GET /api/v1/obligations/{id:long}"] = ObligationReaders,
        ["PATCH /api/v1/obligations/{id:long}"] = [ItDirector],
        ["GET /api/v1/obligations/periods"] = ObligationReaders,
        ["GET /api/v1/obligations/periods/export"] = ObligationReaders,
        ["POST /api/v1/obligations/periods/{id:long}/review"] = [ItDirector, ItEngineer],
        ["GET /api/v1/systems"] = SystemReaders,
        ["GET /api/v1/systems/export"] = SystemReaders,
        ["GET /api/v1/systems/{id:long}"] = SystemReaders,
        ["POST /api/v1/systems"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/systems/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/systems/{id:long}/retire"] = [ItDirector, ItEngineer],
        ["GET /api/v1/kb"] = KnowledgeReaders,
        ["GET /api/v1/kb/export"] = KnowledgeReaders,
        ["GET /api/v1/kb/search"] = KnowledgeReaders,
        ["GET /api/v1/kb/{id:long}"] = KnowledgeReaders,
        ["GET /api/v1/kb/{id:long}/revisions"] = KnowledgeWriters,
        ["POST /api/v1/kb"] = KnowledgeWriters,
        ["PATCH /api/v1/kb/{id:long}"] = KnowledgeWriters,
        ["POST /api/v1/kb/{id:long}/publish"] = KnowledgeWriters,
        ["POST /api/v1/kb/{id:long}/archive"] = KnowledgeWriters,
        ["POST /api/v1/kb/{id:long}/vote"] = KnowledgeReaders,
        ["POST /api/v1/kb/from-ticket/{ticketId:long}"] = KnowledgeWriters,
        ["GET /api/v1/fault-register"] = ServiceDeskReporters,
        ["GET /api/v1/fault-register/export"] = ServiceDeskReporters,
        ["GET /api/v1/fault-register/{id:long}"] = ServiceDeskReporters,
        ["GET /api/v1/servicedesk/reports"] = ServiceDeskReporters,
        ["GET /api/v1/servicedesk/reports/export"] = ServiceDeskReporters,
        ["GET /api/v1/trainings"] = StaffReaders,
        ["GET /api/v1/trainings/export"] = StaffReaders,
        ["GET /api/v1/trainings/{id:long}"] = StaffReaders,
        ["POST /api/v1/trainings"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/trainings/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/trainings/{id:long}/attendance"] = [ItDirector, ItEngineer],
        ["POST /api/v1/trainings/{id:long}/results"] = [ItDirector, ItEngineer],
        ["GET /api/v1/trainings/attendance"] = StaffReaders,
        ["GET /api/v1/trainings/attendance/export"] = StaffReaders,
        ["GET /api/v1/trainings/people/{personId:long}"] = StaffReaders,
        ["GET /api/v1/agreements/versions"] = StaffReaders,
        ["POST /api/v1/agreements/versions"] = [ItDirector, ItEngineer, DeptLiaison],
        ["GET /api/v1/agreements/current"] = Everyone,
        ["POST /api/v1/agreements/current/accept"] = Everyone,
        ["GET /api/v1/agreements/acceptances"] = StaffReaders,
        ["GET /api/v1/agreements/acceptances/export"] = StaffReaders,
        ["GET /api/v1/agreements/acceptances/{id:long}"] = StaffReaders,
        ["POST /api/v1/agreements/acceptances"] = [ItDirector, ItEngineer, DeptLiaison],
        ["GET /api/v1/permission-requests"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison, Staff],
        ["GET /api/v1/permission-requests/export"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison, Staff],
        ["GET /api/v1/permission-requests/{id:long}"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison, Staff],
        ["POST /api/v1/permission-requests"] = [ItDirector, DeptHead, DeptLiaison, Staff],
        ["POST /api/v1/permission-requests/{id:long}/revoke"] = [SecAdmin],
        ["GET /api/v1/access-reviews"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison],
        ["POST /api/v1/access-reviews"] = [ItDirector, SecAdmin],
        ["GET /api/v1/access-reviews/{id:long}"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison],
        ["GET /api/v1/access-reviews/{id:long}/lines"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison],
        ["POST /api/v1/access-reviews/{id:long}/lines/{lineId:long}/confirm"] = [ItDirector, DeptHead, DeptLiaison],
        ["POST /api/v1/access-reviews/{id:long}/lines/{lineId:long}/revoke"] = [ItDirector, DeptHead, DeptLiaison],
        ["POST /api/v1/access-reviews/{id:long}/close"] = [ItDirector, SecAdmin],
        ["GET /api/v1/access-reviews/{id:long}/report"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison],
        ["GET /api/v1/access-reviews/{id:long}/report/export"] = [ItDirector, SecAdmin, DeptHead, DeptLiaison],
        ["GET /api/v1/tickets"] = TicketReaders,
        ["GET /api/v1/tickets/export"] = TicketReaders,
        ["GET /api/v1/tickets/{id:long}"] = TicketReaders,
        ["POST /api/v1/tickets"] = TicketFilers,
        ["PATCH /api/v1/tickets/{id:long}"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/assign"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/start"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/pend"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/resume"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/priority"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/resolve"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/confirm"] = TicketReaders,
        ["POST /api/v1/tickets/{id:long}/close"] = TicketWorkers,
        ["POST /api/v1/tickets/{id:long}/reopen"] = TicketReaders,
        ["POST /api/v1/tickets/{id:long}/rate"] = TicketReaders,
        ["POST /api/v1/tickets/{id:long}/comments"] = TicketReaders,
        ["GET /api/v1/tickets/{id:long}/timeline"] = TicketReaders,
        ["GET /api/v1/sla-policies"] = [ItDirector],
        ["GET /api/v1/sla-policies/{id:long}"] = [ItDirector],
        ["POST /api/v1/sla-policies"] = [ItDirector],
        ["PATCH /api/v1/sla-policies/{id:long}"] = [ItDirector],
        ["GET /api/v1/ticket-categories"] = [ItDirector],
        ["GET /api/v1/ticket-categories/{id:long}"] = [ItDirector],
        ["POST /api/v1/ticket-categories"] = [ItDirector],
        ["PATCH /api/v1/ticket-categories/{id:long}"] = [ItDirector],
        ["POST /api/v1/ticket-categories/{id:long}/deactivate"] = [ItDirector],
        ["POST /api/v1/ticket-categories/{id:long}/activate"] = [ItDirector],
        ["GET /api/v1/support-groups"] = [ItDirector],
        ["GET /api/v1/support-groups/{id:long}"] = [ItDirector],
        ["POST /api/v1/support-groups"] = [ItDirector],
        ["PATCH /api/v1/support-groups/{id:long}"] = [ItDirector],
        ["POST /api/v1/support-groups/{id:long}/members"] = [ItDirector],
        ["DELETE /api/v1/support-groups/{id:long}/members/{accountId:long}"] = [ItDirector],
        ["GET /api/v1/assets"] = AssetReaders,
        ["GET /api/v1/assets/export"] = AssetReaders,
        ["GET /api/v1/assets/{id:long}"] = AssetReaders,
        ["POST /api/v1/assets"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/assets/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/assets/{id:long}/move"] = [ItDirector, ItEngineer],
        ["POST /api/v1/assets/{id:long}/assign"] = [ItDirector, ItEngineer],
        ["POST /api/v1/assets/{id:long}/notes"] = [ItDirector, ItEngineer],
        ["GET /api/v1/assets/{id:long}/timeline"] = AssetReaders,
        ["GET /api/v1/assets/{id:long}/systems"] = AssetReaders,
        ["PUT /api/v1/assets/{id:long}/systems"] = [ItDirector, ItEngineer],
        ["POST /api/v1/assets/import"] = [ItDirector],
        ["GET /api/v1/assets/import/template"] = [ItDirector],
        ["GET /api/v1/assets/{id:long}/appraisals"] = AssetReaders,
        ["POST /api/v1/assets/{id:long}/appraisals"] = [ItDirector],
        ["GET /api/v1/assets/{id:long}/scrap"] = AssetReaders,
        ["POST /api/v1/assets/{id:long}/scrap"] = [ItDirector, ItEngineer],
        ["POST /api/v1/assets/{id:long}/scrap/complete"] = [ItDirector, ItEngineer],
        ["GET /api/v1/repairs"] = AssetReaders,
        ["GET /api/v1/repairs/export"] = AssetReaders,
        ["GET /api/v1/repairs/{id:long}"] = AssetReaders,
        ["POST /api/v1/repairs"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/repairs/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/repairs/{id:long}/finish"] = [ItDirector, ItEngineer],
        ["GET /api/v1/maintenance-plans"] = AssetReaders,
        ["GET /api/v1/maintenance-plans/export"] = AssetReaders,
        ["GET /api/v1/maintenance-plans/{id:long}"] = AssetReaders,
        ["POST /api/v1/maintenance-plans"] = [ItDirector, ItEngineer],
        ["PATCH /api/v1/maintenance-plans/{id:long}"] = [ItDirector, ItEngineer],
        ["POST /api/v1/maintenance-plans/{id:long}/records"] = [ItDirector, ItEngineer],
        ["GET /api/v1/maintenance-plans/records"] = AssetReaders,
        ["GET /api/v1/maintenance-plans/records/export"] = AssetReaders,
        ["GET /api/v1/maintenance-plans/records/{recordId:long}"] = AssetReaders,
        ["GET /api/v1/stocktakes"] = [ItDirector, ItEngineer],
        ["GET /api/v1/stocktakes/export"] = [ItDirector, ItEngineer],
        ["POST /api/v1/stocktakes"] = [ItDirector, ItEngineer],
        ["GET /api/v1/stocktakes/{id:long}"] = [ItDirector, ItEngineer],
        ["GET /api/v1/stocktakes/{id:long}/export"] = [ItDirector, ItEngineer],
        ["POST /api/v1/stocktakes/{id:long}/scan"] = [ItDirector, ItEngineer],
        ["POST /api/v1/stocktakes/{id:long}/finish"] = [ItDirector, ItEngineer],
        ["POST /api/v1/assets/{id:long}/loan"] = [ItDirector, ItEngineer],
        ["GET /api/v1/assets/{id:long}/reservations"] = Borrowers,
        ["POST /api/v1/assets/{id:long}/reservations"] = Borrowers,
        ["GET /api/v1/loans"] = Borrowers,
        ["GET /api/v1/loans/export"] = Borrowers,
        ["GET /api/v1/loans/{id:long}"] = Borrowers,
        ["POST /api/v1/loans/{id:long}/return"] = [ItDirector, ItEngineer],
        ["GET /api/v1/reservations"] = Borrowers,
        ["POST /api/v1/reservations/{id:long}/cancel"] = Borrowers,
        ["GET /api/v1/asset-types"] = AssetReaders,
        ["GET /api/v1/asset-requests"] = TicketReaders,
        ["GET /api/v1/asset-requests/export"] = TicketReaders,
        ["GET /api/v1/asset-requests/{id:long}"] = TicketReaders,
        ["POST /api/v1/asset-requests"] = TicketFilers,
        ["POST /api/v1/asset-requests/{id:long}/cancel"] = TicketFilers,
        ["POST /api/v1/asset-requests/{id:long}/fulfil"] = [ItDirector, ItEngineer],
        ["POST /api/v1/asset-requests/{id:long}/close"] = [ItDirector, ItEngineer],
        ["POST /api/v1/asset-types"] = [ItDirector],
    };

    [Fact]
    [Trait("Req", "ACC-03")]
    public void Every_api_endpoint_but_the_login_requires_authorization()
    {
        var unprotected = ApiEndpoints()
            .Where(e => e.Key != Login && e.Key != ApiFallback)
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0 && !e.Endpoint.Metadata.OfType<AuthorizationPolicy>().Any())
            .Select(e => e.Key)
            .ToList();

        Assert.Empty(unprotected);
        Assert.NotNull(ApiEndpoints().Single(e => e.Key == Login).Endpoint.Metadata.GetMetadata<IAllowAnonymous>());
    }

    [Fact]
    [Trait("Req", "ACC-03")]
    public async Task No_page_outside_the_login_flow_is_reachable_signed_out()
    {
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains("/account/login", pages);

        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor && e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AnonymousPages.Order(StringComparer.Ordinal), anonymous);

        foreach (var page in pages.Except(AnonymousPages))
        {
            var response = await Client.GetAsync(page.Replace("{code:int}", "404", StringComparison.Ordinal).Replace("{id:long}", "1", StringComparison.Ordinal), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/login", StringComparison.Ordinal), $"{page} answered {(int)response.StatusCode} signed out");
        }
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task The_authorization_matrix_holds_for_every_built_in_role()
    {
        var endpoints = ApiEndpoints().Where(e => e.Key != Login && e.Key != ApiFallback).Select(e => e.Key).Distinct().ToList();
        Assert.True(endpoints.All(Expected.ContainsKey), "Give these endpoints an expectation: " + string.Join(", ", endpoints.Where(e => !Expected.ContainsKey(e))));
        Assert.True(Expected.Keys.All(endpoints.Contains), "No longer mapped: " + string.Join(", ", Expected.Keys.Where(k => !endpoints.Contains(k))));

        var wrong = new List<string>();
        foreach (var role in All)
        {
            var client = await SignInAsync(await CreateUserAsync($"matrix-{role}", role));

            // Signing out goes last: it ends the session the other calls use.
            foreach (var endpoint in endpoints.OrderBy(e => e == "DELETE /api/v1/session"))
            {
                var parts = endpoint.Split(' ');
                var url = System.Text.RegularExpressions.Regex.Replace(parts[1], @"\{[^}]+\}", "999999");
                var method = new HttpMethod(parts[0]);
                var response = await SendAsync(client, method, url, method == HttpMethod.Get || method == HttpMethod.Delete ? null : new { });
                var allowed = response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden;
                if (allowed != Expected[endpoint].Contains(role))
                {
                    wrong.Add($"{role} on {endpoint}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
        Endpoints()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => ($"{m} /{e.RoutePattern.RawText!.Trim('/')}", e)));
}
