namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>
/// When pveproxy ends a keep-alive connection (<c>PVE::APIServer::AnyEvent</c> with pveproxy's settings): its
/// <see cref="Workers"/> worker processes take new connections in turn; a connection serves at most
/// <see cref="RequestsPerConnection"/> requests; a worker that has served <see cref="RequestsPerWorker"/> in all closes
/// every connection it holds after that connection's next answer and is replaced by a fresh worker; an error answer
/// closes its connection.
/// </summary>
internal sealed class KeepAlivePolicy
{
    public const int Workers = 3;
    public const int RequestsPerConnection = 100;
    public const int RequestsPerWorker = 1000;

    private static readonly object ConnectionKey = new();

    private readonly Lock _gate = new();
    private readonly Worker[] _workers = [.. Enumerable.Range(0, Workers).Select(_ => new Worker())];
    private int _nextWorker;

    /// <summary>
    /// Counts one answer with <paramref name="statusCode"/> on the connection that owns <paramref name="connectionItems"/>:
    /// true when the connection stays open after it, false when the answer must carry <c>Connection: close</c>.
    /// </summary>
    public bool KeepsAlive(IDictionary<object, object?> connectionItems, int statusCode)
    {
        if (!connectionItems.TryGetValue(ConnectionKey, out var value) || value is not Connection connection)
        {
            connectionItems[ConnectionKey] = connection = new Connection(Accept());
        }

        var workerEnded = connection.Worker.Serve();
        return ++connection.Served < RequestsPerConnection && !workerEnded && statusCode < 400;
    }

    // pveproxy's workers take turns at the accept lock; one that has ended accepts nothing and the daemon starts another.
    private Worker Accept()
    {
        lock (_gate)
        {
            for (var i = 0; i < _workers.Length; i++)
            {
                if (_workers[i].Ended)
                {
                    _workers[i] = new Worker();
                }
            }

            _nextWorker = (_nextWorker + 1) % _workers.Length;
            return _workers[_nextWorker];
        }
    }

    private sealed class Connection(Worker worker)
    {
        public Worker Worker { get; } = worker;

        // One connection's requests come one after another (no pipelining), so this needs no lock.
        public int Served { get; set; }
    }

    private sealed class Worker
    {
        private int _served;

        public bool Ended => Volatile.Read(ref _served) >= RequestsPerWorker;

        /// <summary>Counts one answer; true once the worker has served its last.</summary>
        public bool Serve() => Interlocked.Increment(ref _served) >= RequestsPerWorker;
    }
}
