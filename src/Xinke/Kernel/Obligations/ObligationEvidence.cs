namespace Xinke.Kernel.Obligations;

/// <summary>
/// What a module reports when it stores a record that may fulfil an obligation. <paramref name="Kind"/>
/// is <c>&lt;module&gt;.&lt;record&gt;</c> (<c>backups.restore_test</c>); subject type and id say what
/// the record is about (<c>asset</c>, <c>42</c>) and may be null for records about nothing in particular.
/// </summary>
public sealed record ObligationEvidence(string Kind, string? SubjectType, string? SubjectId, DateTimeOffset OccurredAt, long? ActorAccountId, string SourceRef);
