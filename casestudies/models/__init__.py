from casestudies.models.case_study import CaseStudyCompetence, CaseStudyPage
from casestudies.models.index import CaseStudyIndexPage

__all__ = ["CaseStudyCompetence", "CaseStudyIndexPage", "CaseStudyPage"]
