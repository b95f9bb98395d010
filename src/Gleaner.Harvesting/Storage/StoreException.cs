namespace Gleaner.Storage;

/// <summary>A store that cannot be opened or used: missing file, unreachable server, a schema newer than this Gleaner.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message) : base(message) { }

    public StoreException(string message, Exception inner) : base(message, inner) { }
}
