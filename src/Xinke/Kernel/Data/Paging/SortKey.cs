using System.Linq.Expressions;
using System.Reflection;

namespace Xinke.Kernel.Data.Paging;

/// <summary>One sortable field of a list: its public name and the key it orders by.</summary>
public abstract class SortKey<T>
{
    private protected SortKey(string name) => Name = name;

    public string Name { get; }

    internal abstract IOrderedQueryable<T> Order(IQueryable<T> source, bool descending, Expression<Func<T, long>> id);

    internal abstract IQueryable<T> After(IQueryable<T> source, CursorPosition position, bool descending, Expression<Func<T, long>> id);

    internal abstract CursorPosition PositionOf(T item, long id);
}

/// <summary>
/// A typed sort key. Keys must be non-null (coalesce in the expression when the column is
/// nullable), because keyset paging compares them.
/// </summary>
public sealed class SortKey<T, TKey>(string name, Expression<Func<T, TKey>> key) : SortKey<T>(name)
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private readonly Func<T, TKey> compiled = key.Compile();

    internal override IOrderedQueryable<T> Order(IQueryable<T> source, bool descending, Expression<Func<T, long>> id) =>
        descending ? source.OrderByDescending(key).ThenByDescending(id) : source.OrderBy(key).ThenBy(id);

    internal override IQueryable<T> After(IQueryable<T> source, CursorPosition position, bool descending, Expression<Func<T, long>> id)
    {
        var value = position.ValueAs<TKey>();
        var row = key.Parameters[0];
        var keyBody = key.Body;
        var idBody = new ParameterRebinder(id.Parameters[0], row).Visit(id.Body);

        // key >= v AND (key > v OR id > lastId), mirrored for a descending sort. The leading
        // range is what lets the database start the index scan at the cursor: written as
        // (key > v) OR (key = v AND id > lastId), PostgreSQL walks the index from its first entry
        // and filters, so a deep page reads the whole table. The values are captured as closures
        // so EF sends them as parameters.
        var valueExpression = Parameterised(value);
        var idExpression = Parameterised(position.Id);
        var keyFrom = Compare(keyBody, valueExpression, descending, orEqual: true);
        var keyBeyond = Compare(keyBody, valueExpression, descending, orEqual: false);
        var idBeyond = descending ? Expression.LessThan(idBody, idExpression) : Expression.GreaterThan(idBody, idExpression);
        var predicate = Expression.AndAlso(keyFrom, Expression.OrElse(keyBeyond, idBeyond));
        return source.Where(Expression.Lambda<Func<T, bool>>(predicate, row));
    }

    internal override CursorPosition PositionOf(T item, long id) => CursorPosition.Of(compiled(item), id);

    private static BinaryExpression Compare(Expression left, Expression right, bool descending, bool orEqual)
    {
        if (typeof(TKey) == typeof(string))
        {
            (left, right) = (Expression.Call(StringCompare, left, right), Expression.Constant(0));
        }

        return (descending, orEqual) switch
        {
            (false, false) => Expression.GreaterThan(left, right),
            (false, true) => Expression.GreaterThanOrEqual(left, right),
            (true, false) => Expression.LessThan(left, right),
            (true, true) => Expression.LessThanOrEqual(left, right),
        };
    }

    private static MemberExpression Parameterised<TValue>(TValue value)
    {
        var holder = new ValueHolder<TValue>(value);
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<TValue>.Value));
    }

    private sealed record ValueHolder<TValue>(TValue Value);

    private sealed class ParameterRebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
