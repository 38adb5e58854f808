namespace Zentoria.Reconciler.Simulator;

/// <summary>Bad simulator input (listen address, token, scenario file). The message is one line meant for a user.</summary>
internal sealed class SimulatorConfigurationException : Exception
{
    public SimulatorConfigurationException(string message)
        : base(message)
    {
    }

    public SimulatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimulatorConfigurationException()
    {
    }
}
