"""What is published beside the pages: data exports, Scholar metadata, search keywords."""
