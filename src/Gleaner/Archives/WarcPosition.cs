namespace Gleaner.Archives;

/// <summary>Where a record starts: <see cref="WarcRecord.Offset"/> and <see cref="WarcRecord.OffsetInMember"/>. Ordered as in the file.</summary>
public readonly record struct WarcPosition(long Offset, long OffsetInMember) : IComparable<WarcPosition>
{
    public int CompareTo(WarcPosition other) =>
        Offset != other.Offset ? Offset.CompareTo(other.Offset) : OffsetInMember.CompareTo(other.OffsetInMember);

    public static bool operator <=(WarcPosition left, WarcPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(WarcPosition left, WarcPosition right) => left.CompareTo(right) >= 0;

    public static bool operator <(WarcPosition left, WarcPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(WarcPosition left, WarcPosition right) => left.CompareTo(right) > 0;

    public override string ToString() => OffsetInMember == 0 ? $"{Offset}" : $"{Offset}+{OffsetInMember}";
}
