using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>A module file of the deployment together with the arguments main.bicep passes to it. Every module
/// takes the location and the azd tags.</summary>
public sealed class AzureModule
{
    public AzureModule(AzureDeployment deployment)
    {
        File = new BicepFile(AzureDeployment.GeneratedHeader);
        Location = Pass("location", "string", deployment.Location);
        Tags = Pass("tags", "object", deployment.Tags);
    }

    public BicepFile File { get; }

    /// <summary>What main.bicep passes, parameter by parameter.</summary>
    public BicepObject Arguments { get; } = new();

    public BicepExpression Location { get; }

    public BicepExpression Tags { get; }

    /// <summary>Declares a module parameter and passes <paramref name="argument"/> (a main.bicep value) to it.</summary>
    public BicepExpression Pass(string name, string type, BicepValue argument, bool secure = false) =>
        Pass(new BicepParameter(name, type) { Secure = secure }, argument);

    /// <summary>Declares <paramref name="parameter"/> (with its decorators) and passes <paramref name="argument"/> to it.</summary>
    public BicepExpression Pass(BicepParameter parameter, BicepValue argument)
    {
        var symbol = File.Add(parameter);
        Arguments[parameter.Name] = argument;
        return symbol;
    }

    /// <summary>The parameter already passed <paramref name="argument"/>, else a new one named <paramref name="name"/>:
    /// one value, one parameter, whichever part of the module asks for it first.</summary>
    public BicepExpression PassOnce(string name, string type, BicepExpression argument)
    {
        foreach (var (parameter, passed) in Arguments)
        {
            if (passed is BicepExpression expression && expression.Text == argument.Text)
            {
                return new BicepExpression(parameter);
            }
        }

        return Pass(name, type, argument);
    }

    public void Output(string name, string type, BicepValue value) => File.Add(new BicepOutput(name, type, value));
}
