namespace Gleaner.Extraction;

/// <summary>
/// The work a page may cost (<see cref="ExtractionOptions.MaxWorkSteps"/>): each walk of the page visits at most
/// that many nodes, and stops there. Extraction is linear in the page, so this bounds it; a page that reaches the
/// bound is read up to that point in every walk and its record is marked <see cref="Article.Partial"/>.
/// </summary>
internal sealed class WorkBudget(long stepsPerWalk)
{
    /// <summary>True once a walk of the page stopped for want of steps.</summary>
    public bool Exhausted { get; private set; }

    public Walk StartWalk() => new(this);

    /// <summary>The steps left to one walk of the page.</summary>
    internal sealed class Walk(WorkBudget budget)
    {
        private long _left = budget._stepsPerWalk;

        /// <summary>Spends a step; false when none was left, and the walk stops.</summary>
        public bool Spend()
        {
            if (--_left >= 0)
                return true;
            budget.Exhausted = true;
            return false;
        }
    }

    private readonly long _stepsPerWalk = stepsPerWalk;
}
