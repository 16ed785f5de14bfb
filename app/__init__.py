"""Dossier: who said what about Russia and North Korea, with the evidence."""

__version__ = "0.1.0"
