"""Human review: the queue of what needs a look, and the HTML pages that show each score's source."""
