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

        // (key > v) OR (key = v AND id > lastId), mirrored for a descending sort; the values are
        // captured as closures so EF sends them as parameters.
        var valueExpression = Parameterised(value);
        var idExpression = Parameterised(position.Id);
        var keyBeyond = Compare(keyBody, valueExpression, descending);
        var keyEqual = Expression.Equal(keyBody, valueExpression);
        var idBeyond = descending ? Expression.LessThan(idBody, idExpression) : Expression.GreaterThan(idBody, idExpression);
        var predicate = Expression.OrElse(keyBeyond, Expression.AndAlso(keyEqual, idBeyond));
        return source.Where(Expression.Lambda<Func<T, bool>>(predicate, row));
    }

    internal override CursorPosition PositionOf(T item, long id) => CursorPosition.Of(compiled(item), id);

    private static BinaryExpression Compare(Expression left, Expression right, bool descending)
    {
        if (typeof(TKey) == typeof(string))
        {
            var compare = Expression.Call(StringCompare, left, right);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }

        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
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
