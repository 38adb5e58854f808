using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.Sources;

/// <summary>A revision that was fetched and failed validation, for status and a one-time notification.</summary>
internal sealed record RejectedRevision(string Revision, ImmutableArray<ValidationError> Errors, DateTimeOffset At);
