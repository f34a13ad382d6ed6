"""The learner's terminal app (Textual). Screens render engine state; widgets post the learner's
answers up as messages; the screens hand them to the engine through a `ModuleSession`."""
