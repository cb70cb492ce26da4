from .courses import AUDIENCES, Course, CourseFormat, Enrolment, EnrolmentStatus
from .pages import CourseCatalogPage

__all__ = ["AUDIENCES", "Course", "CourseCatalogPage", "CourseFormat", "Enrolment", "EnrolmentStatus"]
