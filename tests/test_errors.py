"""Every user-facing error lives in eventwire.errors, with a unique code, the input and a next step."""

import inspect

import eventwire.errors as errors


def _error_classes() -> list[type[errors.EventwireError]]:
    return [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.EventwireError) and obj is not errors.EventwireError
    ]


def test_error_codes_are_unique() -> None:
    codes = [cls.code for cls in _error_classes() if "code" in vars(cls)]
    assert len(codes) == len(set(codes)), codes


def test_message_names_input_reason_and_next_step() -> None:
    err = errors.UnreadableInput("page.txt", "file is empty", "give a file with article text")
    assert str(err) == "E003 page.txt: file is empty. give a file with article text"


def test_no_other_module_defines_an_eventwire_error() -> None:
    import pkgutil

    import eventwire

    for info in pkgutil.walk_packages(eventwire.__path__, "eventwire."):
        if info.name.endswith("__main__"):
            continue  # importing it runs the CLI
        module = __import__(info.name, fromlist=["_"])
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, errors.EventwireError):
                assert obj.__module__ == "eventwire.errors", f"{obj.__name__} is defined in {obj.__module__}"


def test_errors_about_the_installation_or_configuration_stop_the_run() -> None:
    """A missing resource, a bad data file or option, a store problem: never counted as one bad input."""
    for cls in (errors.ResourceMissing, errors.BadDataFile, errors.BadOption, errors.PipelineConfigError,
                errors.StoreError, errors.StoreLocked, errors.GeoDataError):  # fmt: skip
        assert not cls.about_input, cls.__name__
    for cls in (
        errors.UnreadableInput,
        errors.NoArticleText,
        errors.InputNotFound,
        errors.UnsupportedLanguage,
    ):
        assert cls.about_input, cls.__name__
