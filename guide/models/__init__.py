from guide.models.framework import CompetenceFrameworkPage
from guide.models.guide import GuideChapterPage, GuideIndexPage
from guide.models.programme import TrainingProgrammePage

__all__ = ["CompetenceFrameworkPage", "GuideChapterPage", "GuideIndexPage", "TrainingProgrammePage"]
