namespace Zentoria.Reconciler.Analysis;

internal enum PrometheusErrorKind
{
    /// <summary>No connection, or the connection broke.</summary>
    Unreachable,

    /// <summary>No answer within the client's timeout.</summary>
    TimedOut,

    /// <summary>Prometheus refused the query (<c>bad_data</c>): the template is wrong.</summary>
    Rejected,

    /// <summary>Prometheus accepted the query but failed to run it (<c>execution</c>, <c>timeout</c>, 5xx).</summary>
    Failed,

    /// <summary>The answer is not Prometheus's JSON, or of a type an instant query should not return.</summary>
    Malformed,
}
