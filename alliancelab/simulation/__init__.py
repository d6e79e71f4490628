"""The classroom negotiation simulation (lesson 07): delegation briefs as data, and the instructor's tools.

``briefs``     the sourced facts, each delegation's private brief and each side's game settings
``classroom``  print a brief, write Markdown handouts, record offers in a CSV and read them back
"""
