FROM python:latest
ENV DATABASE_PASSWORD=hunter2
ARG GITHUB_TOKEN
WORKDIR /app
RUN apt-get update && apt-get install -y gcc libpq-dev curl
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
EXPOSE 8080
HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
CMD gunicorn --bind 0.0.0.0:8000 app:app
