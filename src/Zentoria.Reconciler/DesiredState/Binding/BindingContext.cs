using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal sealed record BindingContext(ErrorList Errors, FieldLocations Locations);
