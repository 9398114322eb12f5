using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Organization;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Reliability;

/// <summary>
/// The real server, killed with SIGKILL in the middle of its work and started again on the same
/// data folder: a hospital loses nothing it was told was saved, keeps no half of a file, and the
/// work that was pending (outbox messages, a job's lease) is picked up by the restarted server.
/// The in-process app only prepares the database and looks into it; it never writes meanwhile.
/// </summary>
public sealed class CrashSafetyTests() : IdentityTest(DatabaseKind.Sqlite)
{
    private const string Department = "心血管内科";
    private const string DeadInstance = "killed-instance";

    /// <summary>The child server runs on the real clock, so what the test plants for it must be dated by that clock.</summary>
    private static readonly TimeProvider RealClock = TimeProvider.System;

    private long departmentId;
    private string token = string.Empty;

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        departmentId = await WithDbAsync(async db =>
        {
            var root = new Department { Name = "信科医院", Kind = DepartmentKind.Hospital, Path = "/0/" };
            db.Add(root);
            await db.SaveChangesAsync(Cancel);
            root.Path = $"/{root.Id}/";
            var department = new Department { Name = Department, Kind = DepartmentKind.Department, ParentId = root.Id, Path = "/x/" };
            db.Add(department);
            await db.SaveChangesAsync(Cancel);
            department.Path = $"/{root.Id}/{department.Id}/";
            await db.SaveChangesAsync(Cancel);
            return department.Id;
        });

        // A token, not a session: the child server runs on the real clock, and a token outlives its restart.
        var engineer = await CreateUserAsync("crash-engineer", BuiltInRoles.ItDirector);
        token = Secrets.Token(TokenAuthenticationHandler.Prefix);
        var secretHash = Secrets.Hash(token);
        await WithDbAsync(async db =>
        {
            db.Add(new AccessToken
            {
                AccountId = engineer.Id,
                Name = "crash",
                SecretHash = secretHash,
                Permissions = [OrganizationPermissions.PeopleRead, OrganizationPermissions.PeopleWrite, OrganizationPermissions.PeopleImport],
                CreatedAt = RealClock.GetUtcNow().UtcDateTime,
                ExpiresAt = RealClock.GetUtcNow().UtcDateTime.AddDays(1),
            });
            return await db.SaveChangesAsync(Cancel);
        });
    }

    [Fact]
    public async Task An_import_killed_midway_leaves_none_or_all_of_its_rows_and_the_audit_chain_verifies()
    {
        const int rows = 4000;
        var csv = new StringBuilder("工号,姓名,科室\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"IMP{i:D6},导入{i},{Department}\n");
        }

        var server = await XinkeProcess.StartAsync(ServerSettings(jobs: false, delivery: false), Cancel);
        bool answered;
        await using (server)
        {
            using var client = server.Client(token);
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            content.Headers.ContentType = new("text/csv");
            var import = client.PostAsync(new Uri("/api/v1/people/import?mode=strict", UriKind.Relative), content, Cancel);

            // Long enough for the file to be parsed and the transaction to be under way, too short for 4,000 audited rows.
            await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(1.5), Cancel));
            answered = import.IsCompleted;
            await server.KillAsync();
            await Task.WhenAny(import);
        }

        await using (var restarted = await XinkeProcess.StartAsync(ServerSettings(jobs: false, delivery: false), Cancel))
        {
            var imported = await WithDbAsync(db => db.Set<Person>().CountAsync(p => p.EmployeeNumber.StartsWith("IMP"), Cancel));
            Assert.True(imported is 0 or rows, $"{imported} of the file's {rows} rows exist after the kill (the import had {(answered ? string.Empty : "not ")}answered).");
        }

        await AssertChainVerifiesAsync();
    }

    [Fact]
    public async Task Acknowledged_writes_survive_a_kill_and_pending_outbox_messages_and_a_dead_instance_lease_are_taken_over()
    {
        using var robot = new RobotStub();
        await PlantPendingOutboxAsync();

        var acknowledged = new ConcurrentBag<string>();
        var server = await XinkeProcess.StartAsync(ServerSettings(jobs: false, delivery: false, robot), Cancel);
        await using (server)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            var writers = Enumerable.Range(0, 8).Select(n => WriteUntilStoppedAsync(server, n, acknowledged, stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(4), Cancel);
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count > 10, $"Only {acknowledged.Count} writes were acknowledged before the kill: the stream did not run.");

        // As a killed instance leaves it: the job's lease still held, until its expiry.
        var leaseName = JobRunner.JobLeaseName(ObligationEvaluationJob.JobName);
        await WithDbAsync(async db =>
        {
            await db.Set<JobLease>().Where(l => l.Name == leaseName).ExecuteDeleteAsync(Cancel);
            db.Add(new JobLease { Name = leaseName, Holder = DeadInstance, ExpiresAt = RealClock.GetUtcNow().UtcDateTime.AddSeconds(3), Token = 7 });
            return await db.SaveChangesAsync(Cancel);
        });

        await using var restarted = await XinkeProcess.StartAsync(ServerSettings(jobs: true, delivery: true, robot), Cancel);
        var saved = await WithDbAsync(db => db.Set<Person>().Where(p => p.EmployeeNumber.StartsWith('W')).Select(p => p.EmployeeNumber).ToListAsync(Cancel));
        var lost = acknowledged.Except(saved).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes were lost: {string.Join(", ", lost.Take(20))}");

        var waited = Stopwatch.StartNew();
        (int Pending, JobLease? Lease) state = default;
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            state = await WithDbAsync(async db => (
                await db.Set<OutboxMessage>().CountAsync(m => m.State != OutboxState.Delivered, Cancel),
                await db.Set<JobLease>().AsNoTracking().SingleOrDefaultAsync(l => l.Name == leaseName, Cancel)));
            if (state.Pending == 0 && state.Lease is { Token: > 7 } && robot.Received >= 3)
            {
                break;
            }

            await Task.Delay(500, Cancel);
        }

        Assert.True(state.Pending == 0 && robot.Received >= 3, $"{state.Pending} outbox message(s) still undelivered, {robot.Received} received by the robot.\n{restarted.Output}");
        Assert.True(state.Lease is { Token: > 7 }, $"The dead instance's lease was not taken over: {state.Lease?.Holder} token {state.Lease?.Token}.\n{restarted.Output}");
        await AssertChainVerifiesAsync();
    }

    private async Task WriteUntilStoppedAsync(XinkeProcess server, int writer, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        using var client = server.Client(token);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var number = $"W{writer:D2}{n:D5}";
            try
            {
                using var response = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { employeeNumber = number, name = $"写入{number}", departmentId }, stop);
                if (response.IsSuccessStatusCode)
                {
                    acknowledged.Add(number);
                }
                else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Fail($"A write was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The server died under this request: it was never acknowledged.
                return;
            }
        }
    }

    private async Task PlantPendingOutboxAsync() =>
        await WithDbAsync(async db =>
        {
            var now = RealClock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 3; i++)
            {
                db.Add(new OutboxMessage
                {
                    MessageId = Guid.NewGuid(),
                    Channel = Channel.WeCom,
                    Destination = RobotStub.Name,
                    Kind = "crash.test",
                    Subject = $"待发送 {i}",
                    Body = "crash",
                    State = OutboxState.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,

                    // The last one was claimed by an instance that then died: its claim must run out, not block it forever.
                    ClaimedBy = i == 2 ? DeadInstance : null,
                    ClaimExpiresAt = i == 2 ? now.AddSeconds(5) : null,
                });
            }

            return await db.SaveChangesAsync(Cancel);
        });

    private Dictionary<string, string?> ServerSettings(bool jobs, bool delivery, RobotStub? robot = null)
    {
        var settings = new Dictionary<string, string?>(App.Database.Settings)
        {
            ["Database__Provider"] = "sqlite",
            ["Xinke__Crypto__FieldKey"] = XinkeApp.FieldKey,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Xinke__Jobs__Enabled"] = jobs ? "true" : "false",
            ["Xinke__Obligations__EvaluateEvery"] = "00:00:01",
            ["Xinke__Notifications__DeliveryEnabled"] = delivery ? "true" : "false",
            ["Xinke__Notifications__PollSeconds"] = "1",
            ["Xinke__Notifications__ClaimSeconds"] = "5",
        };
        settings.Remove("Database:Provider");
        settings.Remove("ConnectionStrings:Postgres");
        if (robot is not null)
        {
            settings[$"Xinke__Notifications__Robots__{RobotStub.Name}__Kind"] = nameof(Channel.WeCom);
            settings[$"Xinke__Notifications__Robots__{RobotStub.Name}__Url"] = robot.Url;
        }

        return settings;
    }

    private async Task AssertChainVerifiesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var checkpoint = await services.GetRequiredService<AuditCheckpoints>().LatestAsync(Cancel);
        var archived = await services.GetRequiredService<AuditArchive>().LatestAsync(Cancel);
        var outcome = await services.GetRequiredService<ChainVerifier>().VerifyAsync(1, checkpoint?.Point, archived?.End, null, Cancel);
        Assert.True(outcome.Ok, $"The audit chain is broken at {outcome.FirstBadSequence}: {outcome.Fault}");
        Assert.True(outcome.Count > 0);
    }

    /// <summary>A chat robot that acknowledges every message as WeCom does (<c>errcode</c> 0).</summary>
    private sealed class RobotStub : IDisposable
    {
        public const string Name = "crash";

        private readonly HttpListener listener = new();
        private int received;

        public RobotStub()
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/robot/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(AnswerAsync);
        }

        public string Url { get; }

        public int Received => Volatile.Read(ref received);

        public void Dispose() => listener.Close();

        private async Task AnswerAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref received);
                var answer = "{\"errcode\":0,\"errmsg\":\"ok\"}"u8.ToArray();
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        }
    }
}
