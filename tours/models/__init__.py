from tours.models.index import TourIndexPage
from tours.models.scene import TourScenePage
from tours.models.tour import TourPage

__all__ = ["TourIndexPage", "TourPage", "TourScenePage"]
