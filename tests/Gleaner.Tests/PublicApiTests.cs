using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Gleaner.Tests;

/// <summary>
/// The public surface of each library package is written down in <c>src/PACKAGE/PublicAPI.txt</c>: this test fails when
/// the surface changes and the listing does not, so every change to what users can call is seen in review.
/// <c>GLEANER_REGENERATE_API=1</c> rewrites the listings from the built assemblies.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => new() { "Gleaner", "Gleaner.Harvesting" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void ThePublicSurfaceIsTheListedOne(string package)
    {
        var assembly = package == "Gleaner" ? typeof(Article).Assembly : typeof(Gleaner.Storage.ArticleStores).Assembly;
        var listing = Listing(assembly);
        var path = Path.Combine(SharedData.RepositoryRoot(), "src", package, "PublicAPI.txt");
        if (Environment.GetEnvironmentVariable("GLEANER_REGENERATE_API") == "1")
            File.WriteAllText(path, listing);
        var listed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(listed == listing,
            $"the public surface of {package} differs from {path}; if the change is meant, run the tests with GLEANER_REGENERATE_API=1 " +
            $"and commit the listing. First difference: {TextDifference.FirstLine(listed, listing)}");
    }

    [Fact]
    public void TheListingNamesTypesAndMembersWithTheirSignatures()
    {
        var listing = Listing(typeof(Article).Assembly);
        Assert.Contains("class Gleaner.News", listing);
        Assert.Contains("  static Extract(string html, string url = null) -> Gleaner.Article", listing);
        Assert.DoesNotContain("MinHash", listing); // internal by nature
    }

    private static string Listing(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(t => !IsGenerated(t.Name)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
                text.Append(" : ").Append(Name(baseType));
            text.Append('\n');
            var members = new List<(string Name, string Line)>();
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            if (type.IsEnum)
                members.AddRange(Enum.GetNames(type).Select(name => (name, name)));
            else
            {
                foreach (var constructor in type.GetConstructors(Declared))
                    members.Add((".ctor", $".ctor({Parameters(constructor)})"));
                foreach (var method in type.GetMethods(Declared))
                    if (!method.IsSpecialName && !IsGenerated(method.Name) && method.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
                        members.Add((method.Name, $"{Static(method.IsStatic)}{method.Name}{GenericArguments(method)}({Parameters(method)}) -> {Name(method.ReturnType)}"));
                foreach (var property in type.GetProperties(Declared))
                    if (!IsGenerated(property.Name) && !(type.IsDefined(typeof(CompilerGeneratedAttribute)) && property.Name == "EqualityContract"))
                        members.Add((property.Name, $"{Static(property.GetMethod?.IsStatic ?? property.SetMethod!.IsStatic)}{Name(property.PropertyType)} {property.Name} {{{Accessors(property)} }}"));
                foreach (var field in type.GetFields(Declared))
                    if (!IsGenerated(field.Name))
                        members.Add((field.Name, $"{(field.IsLiteral ? "const " : Static(field.IsStatic))}{(field.IsInitOnly ? "readonly " : "")}{Name(field.FieldType)} {field.Name}"));
                foreach (var evt in type.GetEvents(Declared))
                    members.Add((evt.Name, $"event {Name(evt.EventHandlerType!)} {evt.Name}"));
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Line, b.Line));
            }
            foreach (var member in members)
                text.Append("  ").Append(member.Line).Append('\n');
        }
        return text.ToString();
    }

    private static bool IsGenerated(string name) => name.Contains('<') || name.Contains('$');

    private static string Kind(Type type) =>
        type.IsInterface ? "interface"
        : type.IsEnum ? "enum"
        : type.IsValueType ? (type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null ? "record struct" : "struct")
        : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
        : type.GetMethod("<Clone>$") is not null ? "record"
        : type.IsAbstract && type.IsSealed ? "static class"
        : "class";

    private static string Static(bool isStatic) => isStatic ? "static " : "";

    private static string Accessors(PropertyInfo property)
    {
        var text = property.GetMethod?.IsPublic == true ? " get;" : "";
        if (property.SetMethod is { IsPublic: true } setter)
            text += setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? " init;" : " set;";
        return text;
    }

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(Name)) + ">" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "")
            + Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType) + " " + p.Name
            + (p.HasDefaultValue ? " = " + (p.DefaultValue is null && p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? "default" : DefaultValue(p.DefaultValue)) : "")));

    private static string DefaultValue(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
            return type.Name;
        if (type.IsArray)
            return Name(type.GetElementType()!) + "[]";
        if (type.IsPointer || type.IsByRef)
            return Name(type.GetElementType()!);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Name(underlying) + "?";
        var alias = type.FullName switch
        {
            "System.String" => "string", "System.Int32" => "int", "System.Int64" => "long", "System.Boolean" => "bool",
            "System.Double" => "double", "System.Single" => "float", "System.Byte" => "byte", "System.Char" => "char",
            "System.Object" => "object", "System.Void" => "void", "System.Int16" => "short", "System.UInt32" => "uint",
            "System.UInt64" => "ulong", "System.Decimal" => "decimal",
            _ => null,
        };
        if (alias is not null)
            return alias;
        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : (type.Namespace is { } ns ? ns + "." : "") + type.Name;
        if (!type.IsGenericType)
            return name;
        var tick = name.IndexOf('`');
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
