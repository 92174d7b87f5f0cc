FROM python:3.9-slim-buster AS builder

# Set environment variables for the builder stage
ENV PYTHONUNBUFFERED 1
WORKDIR /app

# Install build dependencies if needed (e.g., for C extensions)
# For simple Flask apps, this might not be strictly necessary, but good practice
# RUN apt-get update && apt-get install -y --no-install-recommends gcc python3-dev && rm -rf /var/lib/apt/lists/*

# Copy requirements file and install Python dependencies
# Using --no-cache-dir reduces layer size by not storing pip's cache
# Using --upgrade pip ensures pip is up-to-date
COPY requirements.txt .
RUN pip install --upgrade pip && \
    pip install --no-cache-dir -r requirements.txt

# --- Stage 2: Runtime Environment ---
# This stage creates the final, lean image for running the application.
# It uses a minimal base image and only copies what's essential.
FROM python:3.9-slim-buster AS final

# Set environment variables for the final stage
ENV PYTHONUNBUFFERED 1
WORKDIR /app

# Copy only the installed Python packages from the builder stage
# This is the key step that makes the image small!
COPY --from=builder /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages

# Copy the application code itself
COPY . .

# Expose the port and define the entrypoint
EXPOSE 5000
CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:app"]
